import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from './selection.js';

/** The resolver info of the query's first top-level field. */
function infoOf(query: string) {
  const doc = parse(query);
  const operation = doc.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectsField', () => {
  it.each([
    ['{ handling { total medianDaysToAnswer } }', true],
    ['{ handling { total timely } }', false],
    ['{ handling { total m: medianDaysToAnswer } }', true],
    ['{ handling { ... on HandlingRow { medianDaysToAnswer } } }', true],
    ['{ handling { ...H } } fragment H on HandlingRow { total medianDaysToAnswer }', true],
    ['{ handling { ...H } } fragment H on HandlingRow { total }', false],
    ['{ handling { institution { medianDaysToAnswer } total } }', false],
    ['{ handling { medianDaysToAnswer @skip(if: true) total } }', true],
  ])('%s: %s', (query, expected) => {
    expect(selectsField(infoOf(query), 'medianDaysToAnswer')).toBe(expected);
  });
});
