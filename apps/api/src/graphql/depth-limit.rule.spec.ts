import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimitRule } from './depth-limit.rule.js';

// A schema that nests without end, so any depth can be asked for.
const schema = buildSchema(`type Node { id: ID child: Node } type Query { node: Node }`);

const nested = (levels: number) =>
  `{ ${'node { '.repeat(1)}${'child { '.repeat(levels - 2)}id${' }'.repeat(levels - 1)} }`;
const errorsOf = (query: string, max = 8) =>
  validate(schema, parse(query), [depthLimitRule(max)]).map((e) => e.message);

describe('depthLimitRule', () => {
  it('lets a query at the limit through and refuses one level more', () => {
    expect(errorsOf(nested(8))).toEqual([]);
    expect(errorsOf(nested(9))).toEqual(['query is 9 levels deep; the limit is 8']);
  });

  it('counts depth through fragments, and survives a fragment cycle', () => {
    const viaFragments = `{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { child { id } } }`;
    expect(errorsOf(viaFragments, 4)).toEqual(['query is 5 levels deep; the limit is 4']);
    const cycle = `{ node { ...A } } fragment A on Node { child { ...A } }`;
    expect(() => errorsOf(cycle)).not.toThrow();
  });

  it('ignores introspection fields', () => {
    expect(errorsOf(`{ __typename node { id } }`, 2)).toEqual([]);
  });
});
