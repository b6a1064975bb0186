// JSON-Logic truthiness (jsonlogic.com/truthy): an empty array is false, otherwise JavaScript's.
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}
