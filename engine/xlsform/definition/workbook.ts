// A workbook as plain data, between the spreadsheet file (read and written with exceljs on the
// server) and the pure conversion in this folder: sheets of rows of text cells, each row keeping
// its number in the file so a problem can name sheet, row and column. Types only.

/** One row of a sheet: the row's number in the file (1 is the header) and its cells by header. */
export interface SheetRow {
  row: number;
  /** Header (as written, trimmed) -> the cell's text, trimmed; empty cells are left out. */
  cells: Record<string, string>;
}

export interface SheetTable {
  name: string;
  /** The header row's cells, in order, as written (trimmed). */
  columns: string[];
  rows: SheetRow[];
}

export interface SheetBook {
  sheets: SheetTable[];
}

/** A problem found while reading a workbook: where it is, in Chinese. */
export interface WorkbookProblem {
  sheet: string;
  /** The row's number in the file, or null for the sheet as a whole. */
  row: number | null;
  /** The column's header as written, or null. */
  column: string | null;
  message: string;
  /** An error refuses the whole import; a warning says what was left out or read differently. */
  severity: 'error' | 'warning';
}
