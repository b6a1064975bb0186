// What the API shows of a user: never the password hash or the login counters.
import type { User } from '@engine/contract';
import type { UserRecord } from '../store/records';

export function publicUser(user: UserRecord): User {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    phone: user.phone ?? null,
    role: user.role,
    scope: user.scope,
    disabled: user.disabled,
    createdAt: user.createdAt,
    revision: user.revision,
  };
}
