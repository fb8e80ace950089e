import { createContext, useContext } from 'react';
import type { SessionUser } from '../graphql/me';

export const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user; only inside <RequireSession>, which renders nothing without one. */
export function useSession(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSession must be used inside <RequireSession>');
  return user;
}
