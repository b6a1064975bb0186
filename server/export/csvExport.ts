// One sheet as a CSV file for Excel: UTF-8 with a BOM (so Excel shows Chinese), CRLF line ends,
// a cell quoted when it holds a comma, a quote or any line break (csv-stringify quotes only the
// record delimiter by itself; a lone \n inside a cell would split the row in Excel), every text
// cell neutralised against formula injection, and digits a spreadsheet would turn into a number
// written as a text formula (csvCell); a share as "50.0%", which spreadsheets read as a number
// with a percent format. A Node stream that pulls the next store batch
// only when the reader has taken the last: memory stays flat however many rows.
import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { coalesce } from './coalesce';
import { csvCell } from './csvCell';
import type { Cell } from './neutraliseFormula';
import type { ExportSheet } from './planExport';

/** A share as a spreadsheet reads it back as a number with a percent format: 0.5 → "50.0%". */
const percent = (cell: Cell): Cell => (typeof cell === 'number' ? `${(cell * 100).toFixed(1)}%` : cell);

export function csvExport(sheet: ExportSheet, onError: (error: unknown) => void): Readable {
  const percentColumns = new Set(sheet.percentColumns ?? []);
  const cells = (row: Cell[]) => row.map((cell, i) => csvCell(percentColumns.has(i) ? percent(cell) : cell));
  async function* records(): AsyncGenerator<Cell[]> {
    yield sheet.header.map(csvCell);
    for await (const batch of sheet.batches()) {
      for (const row of batch) yield cells(row);
    }
  }
  const csv = stringify({ bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  return pipeline(Readable.from(records()), csv, coalesce(), (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') onError(error);
  });
}
