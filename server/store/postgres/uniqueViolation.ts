// Which unique constraint an INSERT or UPDATE broke, if that is what failed: the stores turn it
// into StoreConflict ('exists' for a primary key, 'unique' for another key).
const UNIQUE_VIOLATION = '23505';

export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string };
  return e.code === UNIQUE_VIOLATION ? (e.constraint ?? '') : null;
}
