// ID numbers as lists and titles show them: the first four and last four digits
// ("5001**********1237"), enough to tell people apart, not enough to copy. The whole number is
// shown only in its field, and to a reviewer who opens the record.
const ID_NUMBER = /^\d{17}[\dX](\d{2})?$/;
const IN_TEXT = /(?<![\dX])\d{17}[\dX](?:\d{2})?(?![\dX])/g;

/** A resident ID (18) or disability certificate (20) number masked; any other text as it is. */
export function maskIdNumber(value: string): string {
  if (!ID_NUMBER.test(value)) return value;
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** Every ID number within a text masked. */
export function maskIdNumbersIn(text: string): string {
  return text.replace(IN_TEXT, maskIdNumber);
}
