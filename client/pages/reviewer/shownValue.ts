// A value as the history and the corrections show it: empty as （空）, a table row by its text
// values ("张小军 之孙子"), anything else as it reads.
export function shownValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map(shownValue).join('、');
  if (typeof value === 'object') {
    const text = Object.values(value as Record<string, unknown>).filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
    return text.length > 40 ? `${text.slice(0, 40)}…` : text || '（一行）';
  }
  return String(value);
}
