// "Export with files": one ZIP holding the form's workbook and, in one folder per village and
// household, every photo and signature its submissions refer to — named as the workbook's file
// columns name them, so a row leads to its files. Built by client-zip as a pulled stream: the next
// file is opened only when the download has taken the previous one, and the closing directory is
// written one record at a time as the download reads it, so memory stays flat however many photos
// there are (what a ZIP must keep per file until its end is that file's directory record, about
// 0.5 KB; archiver, used before, wrote the whole directory at once when it finished: +78 MB at
// 18,000 files). Files are stored, not deflated: photos, PNGs and the XLSX are compressed already.
// The record and header writes are joined into 64 KB chunks before the download. A download cut
// short closes the file being read and ends the export.
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { makeZip } from 'client-zip';
import { CHINA_OFFSET_MS, type AttachmentUse } from '@engine';
import type { SubmissionRecord } from '../store/records';
import { coalesce } from './coalesce';
import type { ExportPlan } from './planExport';

/** A file's bytes as the store gives them, null when it is not stored. */
export type OpenFile = (reference: string) => Promise<AsyncIterable<Uint8Array> | null>;

export interface ZipSource {
  /** "监测对象信息采集表-2024-12-07.xlsx" and its stream. */
  workbookName: string;
  workbook: Readable;
  plan: Pick<ExportPlan, 'submissions' | 'names' | 'filesOf'>;
  open: OpenFile;
  /** The entries' modification time (the export's), written in China time: defaults to now. */
  at?: Date;
}

/** A folder or file name any unzip tool accepts: no path separators or control characters. */
export function safeName(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const cleaned = text.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').trim();
  return cleaned.slice(0, 80) || '_';
}

/** The household's folder: 村/户主姓名-证件号码. */
export function householdFolder(record: SubmissionRecord, villageName: string): string {
  return `${safeName(villageName || record.divisionCode)}/${safeName(`${record.headName}-${record.headIdNumber}`)}`;
}

interface Entry {
  name: string;
  lastModified: Date;
  input: AsyncIterable<Uint8Array>;
}

/** A file's bytes as a generator of our own, so a download cut short can close it. */
async function* readThrough(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* bytes;
}

/**
 * The ZIP's entries in order, each file opened only when client-zip asks for it. When the download
 * is cut short client-zip stops asking; the file it was reading is closed here.
 */
async function* entries(source: ZipSource, lastModified: Date): AsyncGenerator<Entry> {
  let reading: AsyncGenerator<Uint8Array> | null = null;
  try {
    yield { name: source.workbookName, lastModified, input: source.workbook };
    const written = new Set<string>();
    for await (const batch of source.plan.submissions()) {
      for (const record of batch) {
        const folder = householdFolder(record, source.plan.names.division(record.divisionCode));
        for (const use of uniqueFiles(source.plan.filesOf(record))) {
          const name = `${folder}/${use.reference}`;
          if (written.has(name)) continue;
          const bytes = await source.open(use.reference);
          if (!bytes) continue;
          written.add(name);
          reading = readThrough(bytes);
          yield { name, lastModified, input: reading };
        }
      }
    }
  } finally {
    await reading?.return(undefined);
  }
}

/**
 * A ZIP keeps a file's time as a wall clock with no time zone, which client-zip reads from the
 * Date's local fields (the server's zone, often UTC): the Date whose local fields are China's wall
 * clock at `at`, so the unzipped files show the hour of the export where it was made.
 */
export function chinaWallClock(at: Date): Date {
  return new Date(at.getTime() + CHINA_OFFSET_MS + at.getTimezoneOffset() * 60_000);
}

/** Cut short by the reader (a closed download), which is not the export failing. */
const cutShort = (error: NodeJS.ErrnoException) => error.code === 'ERR_STREAM_PREMATURE_CLOSE' || error.code === 'ABORT_ERR';

/** The ZIP as a Node stream; a failure midway is reported and cuts the download short. */
export function zipExport(source: ZipSource, onError: (error: unknown) => void): Readable {
  const zip = Readable.fromWeb(makeZip(entries(source, chinaWallClock(source.at ?? new Date()))) as NodeReadableStream<Uint8Array>);
  return pipeline(zip, coalesce(), (error) => {
    if (error && !cutShort(error)) onError(error);
  });
}

function uniqueFiles(uses: AttachmentUse[]): AttachmentUse[] {
  const seen = new Set<string>();
  return uses.filter((use) => !seen.has(use.reference) && seen.add(use.reference));
}
