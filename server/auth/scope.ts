// 上下级数据: a user sees a record whose division code starts with one of the user's scope codes.
import type { UserRecord } from '../store/records';

export function covers(scope: readonly string[], divisionCode: string): boolean {
  return scope.some((prefix) => divisionCode.startsWith(prefix));
}

/** The scope a user's queries run with: an administrator sees everything. */
export function queryScope(user: Pick<UserRecord, 'role' | 'scope'>): string[] {
  return user.role === 'admin' ? [''] : user.scope;
}
