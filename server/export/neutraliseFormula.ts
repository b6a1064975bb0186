// Formula injection (OWASP "CSV Injection"): a spreadsheet reads a cell that begins with = + - @
// (or a tab or carriage return, which some readers skip before looking) as a formula, so text an
// officer typed ("=HYPERLINK(...)", "@SUM(...)") could run on the reviewer's machine who opens
// the export. Every text cell of a CSV export, headers included, passes through here (csvCell);
// XLSX does not need it: a string cell there is never a formula, and an apostrophe would show.
//
// The rule:
// - text that begins with = + - @ \t or \r gets a leading apostrophe: '=SUM(A1) is shown as text
//   and never evaluated, in Excel, WPS and LibreOffice alike;
// - except text that is wholly a plain decimal number ("-5", "+3.5", "-0.25"): digits cannot form
//   a formula, and a negative amount typed into a text field stays readable (defusedcsv makes the
//   same exception);
// - numbers (values of number fields) are not text and are never touched: in CSV "-5" reads
//   back as the number -5.
// Quoting (commas, quotes, line breaks inside a cell) is the CSV writer's job, not this one's.

export type Cell = string | number | null;

const TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function neutraliseFormula(text: string): string {
  return TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
