import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from '@cw/domain';

function parse(value: unknown): string {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new GraphQLError(
    `Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`,
    {
      extensions: { code: 'BAD_USER_INPUT' },
    },
  );
}

/** A calendar date (not an instant), written YYYY-MM-DD; days are Asia/Shanghai days. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date written YYYY-MM-DD (a day in Asia/Shanghai, not an instant)',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date must be a string written YYYY-MM-DD', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});
