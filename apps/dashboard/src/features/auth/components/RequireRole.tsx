import type { ReactNode } from 'react';
import { useSession } from '../hooks/useSession';
import type { Role } from '../utils/roles';
import { NoPermission } from './NoPermission';

/**
 * Renders the page only for `role` (one role or any of several); others get a plain
 * "no permission" (no request made).
 */
export function RequireRole({
  role,
  children,
}: {
  role: Role | readonly Role[];
  children: ReactNode;
}) {
  const user = useSession();
  const allowed: readonly string[] = typeof role === 'string' ? [role] : role;
  return allowed.includes(user.role) ? children : <NoPermission />;
}
