export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Bearer tokens tests have signed in with, per API base URL (see signIn). */
const tokens = new Map<string, string>();

/**
 * Posts a GraphQL operation to a running API and returns the parsed body. Uses the token
 * given, else the one `signIn` stored for that API, else none.
 */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null | undefined = tokens.get(baseUrl),
): Promise<GqlResponse<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await gql<{ login: { token: string } }>(
    baseUrl,
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: email, p: password },
    null,
  );
  if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}

/** Signs in and makes that user the default caller of `gql` for this API. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const token = await login(baseUrl, email, password);
  tokens.set(baseUrl, token);
  return token;
}
