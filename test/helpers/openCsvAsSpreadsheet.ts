// Reads a CSV file's bytes as a spreadsheet application does on a double-click (LibreOffice Calc
// 7.4 with its defaults, checked headless; Excel and WPS guess the same way): UTF-8 when the file
// starts with a BOM, each cell's type guessed from its text. A cell that reads as a number is
// kept as a double (an 18-digit ID loses its last digits, a phone its leading zero) and shown in
// the General format (12 digits and more as 5.00118E+17); "50.0%" is the number 0.5; a formula
// whose whole body is a string constant (="0234") is that text; any other formula is marked as
// one (it would run); everything else is text as written (an apostrophe stays visible).
import { parse } from 'csv-parse/sync';

export type OpenedCell =
  | { type: 'text'; value: string; shown: string }
  | { type: 'number'; value: number; shown: string; percent?: boolean }
  | { type: 'formula'; formula: string; shown: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const STRING_FORMULA = /^="([^"]*)"$/;

/** A number as the General format shows it: up to 11 digits whole, else 5.00118E+17. */
export function generalFormat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  if (Math.abs(n) >= 1e11) {
    const [mantissa, exponent] = n.toExponential(5).split('e');
    return `${String(Number(mantissa))}E${exponent!.startsWith('-') ? '-' : '+'}${exponent!.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

export function openCell(text: string): OpenedCell {
  const literal = STRING_FORMULA.exec(text);
  if (literal) return { type: 'text', value: literal[1]!, shown: literal[1]! };
  if (text.startsWith('=')) return { type: 'formula', formula: text, shown: '(公式)' };
  if (NUMBER.test(text)) {
    const value = Number(text);
    return { type: 'number', value, shown: generalFormat(value) };
  }
  if (PERCENT.test(text)) {
    const value = Number(text.slice(0, -1)) / 100;
    return { type: 'number', value, shown: text, percent: true };
  }
  return { type: 'text', value: text, shown: text };
}

export function openCsvAsSpreadsheet(bytes: Uint8Array): OpenedCell[][] {
  const buffer = Buffer.from(bytes);
  if (!(buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)) throw new Error('no UTF-8 BOM: a spreadsheet would read the file in the system code page');
  const rows = parse(buffer.subarray(3).toString('utf8'), { relax_column_count: false }) as string[][];
  return rows.map((row) => row.map(openCell));
}

/** What a person reads in each cell once the file is open. */
export const shownRows = (cells: OpenedCell[][]): string[][] => cells.map((row) => row.map((c) => c.shown));
