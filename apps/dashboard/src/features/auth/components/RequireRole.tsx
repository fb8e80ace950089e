import type { ReactNode } from 'react';
import { useSession } from '../hooks/useSession';
import type { Role } from '../utils/roles';
import { NoPermission } from './NoPermission';

/** Renders the page only for `role`; others get a plain "no permission" (no request made). */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const user = useSession();
  return user.role === role ? children : <NoPermission />;
}
