// Whether a query asks for a field of the object a resolver returns, through fragments too:
// lets a resolver leave out work whose result nobody asked for. A field under @skip or
// @include counts as asked for (the work is done; the answer is right either way).
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

export function selectsField(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  name: string,
): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean =>
    set !== undefined &&
    set.selections.some((s) => {
      switch (s.kind) {
        case Kind.FIELD:
          return s.name.value === name;
        case Kind.INLINE_FRAGMENT:
          return visit(s.selectionSet);
        case Kind.FRAGMENT_SPREAD:
          if (seen.has(s.name.value)) return false;
          seen.add(s.name.value);
          return visit(info.fragments[s.name.value]?.selectionSet);
      }
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
