// Sheets as one XLSX workbook through exceljs's streaming WorkbookWriter: rows are written and
// committed as they come (inline strings, no shared-string table, no styles unless a sheet needs
// a number format: nothing accumulates per row), one sheet after another, the header row frozen,
// numbers kept as numeric cells, a share as a number formatted 0.0%, text as string cells holding
// exactly what was typed. A string cell is never a formula, whatever it begins with
// ("=HYPERLINK(…)" shows as those characters and cannot run), so unlike CSV nothing is
// neutralised here: an apostrophe would only show. Returns the file as a Node stream.
//
// Flat memory needs backpressure that exceljs does not give: a sheet's XML goes into a buffer
// that ignores its reader's pace, so with a slow client the whole sheet would pile up there.
// Every 250 rows we wait until that buffer's reader has drained it (sheetSink below), so the
// backlog is at most 250 rows of XML (a few hundred KB) whatever the client's speed.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportSheet } from './planExport';

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The stream a worksheet's XML flows into on its way to the zip: Node's or readable-stream's. */
interface SheetSink {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
  on(event: 'drain', listener: () => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
}

const needsDrain = (sink: SheetSink): boolean => sink.writableNeedDrain ?? sink._writableState?.needDrain ?? false;

/**
 * exceljs 4.4 keeps that stream as `worksheet.stream.pipes[0]` (archiver wraps the sheet's
 * StreamBuf in a readable-stream PassThrough). That is not public API, so an upgrade that moves
 * it fails here, loudly, rather than buffering silently.
 */
function sheetSink(worksheet: ExcelJS.Worksheet): SheetSink {
  const sink = (worksheet as unknown as { stream?: { pipes?: SheetSink[] } }).stream?.pipes?.[0];
  const flag = sink?.writableNeedDrain ?? sink?._writableState?.needDrain;
  if (!sink || typeof flag !== 'boolean') throw new Error('exceljs: cannot find the worksheet stream to apply backpressure');
  return sink;
}

/** Resolves once the sink has room again, or the download has ended (client gone). */
function drained(sink: SheetSink, out: PassThrough): Promise<void> {
  if (!needsDrain(sink) || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      sink.off('drain', done);
      out.off('close', done);
      resolve();
    };
    sink.on('drain', done);
    out.on('close', done);
  });
}

/** A batch of 500 submissions holds thousands of member rows (MBs of XML): check more often. */
const ROWS_BETWEEN_CHECKS = 250;

export function xlsxExport(sheets: ExportSheet[], onError: (error: unknown) => void): Readable {
  const out = new PassThrough();
  // Styles only for the sheets that need a number format (the progress report's 填报率): the large
  // exports stay style-free.
  const useStyles = sheets.some((s) => s.percentColumns?.length);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles });
  const taken = new Set<string>();

  async function write(): Promise<void> {
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheetName(sheet.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
      worksheet.addRow(sheet.header).commit();
      const sink = sheetSink(worksheet);
      const percentColumns = sheet.percentColumns ?? [];
      for await (const batch of sheet.batches()) {
        for (let i = 0; i < batch.length; i++) {
          const row = worksheet.addRow(batch[i]!);
          for (const column of percentColumns) row.getCell(column + 1).numFmt = '0.0%';
          row.commit();
          if (i % ROWS_BETWEEN_CHECKS === ROWS_BETWEEN_CHECKS - 1) await drained(sink, out);
        }
        await drained(sink, out);
        if (out.destroyed) return;
      }
      worksheet.commit();
    }
    await workbook.commit();
  }

  write().catch((error: unknown) => {
    onError(error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
