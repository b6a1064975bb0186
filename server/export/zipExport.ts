// "Export with files": one ZIP holding the form's workbook and, in one folder per village and
// household, every photo and signature its submissions refer to — named as the workbook's file
// columns name them, so a row leads to its files. Built as a stream (archiver): each file is
// appended only after the previous one has gone into the archive, and the archive pauses when the
// download does, so memory stays flat however many photos there are. Photos and PNGs are already
// compressed: they are stored, not deflated again. archiver writes each entry's headers, and at
// the end the whole central directory, as about 20 writes of a few bytes per file (for 10,000
// files, some 200,000 chunks at once); they are joined into 64 KB chunks before the download.
// A download cut short closes the file being read and ends the export.
import { pipeline, Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { AttachmentUse } from '@engine';
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

/**
 * Resolves when archiver has taken the entry in (its `entry` event), so entries never pile up;
 * rejects, closing the source, when the archive fails or is closed first (the download was cut).
 */
function appended(archive: ZipArchive, source: Readable, name: string, store: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      archive.off('entry', done);
      archive.off('error', failed);
      archive.off('close', closed);
    };
    const done = () => {
      settle();
      resolve();
    };
    const failed = (error: Error) => {
      settle();
      source.destroy();
      reject(error);
    };
    const closed = () => failed(new Error('导出已中断'));
    archive.once('entry', done);
    archive.once('error', failed);
    archive.once('close', closed);
    archive.append(source, { name, store });
  });
}

/** Cut short by the reader (a closed download), which is not the export failing. */
const cutShort = (error: NodeJS.ErrnoException) => error.code === 'ERR_STREAM_PREMATURE_CLOSE' || error.code === 'ABORT_ERR';

/** The ZIP as a Node stream; a failure midway is reported and cuts the download short. */
export function zipExport(source: ZipSource, onError: (error: unknown) => void): Readable {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const zip = archive as unknown as Readable;
  const out = pipeline(zip, coalesce(), (error) => {
    if (error && !cutShort(error)) onError(error);
  });

  async function write(): Promise<void> {
    await appended(archive, source.workbook, source.workbookName, false);
    const written = new Set<string>();
    for await (const batch of source.plan.submissions()) {
      for (const record of batch) {
        const folder = householdFolder(record, source.plan.names.division(record.divisionCode));
        for (const use of uniqueFiles(source.plan.filesOf(record))) {
          const name = `${folder}/${use.reference}`;
          if (written.has(name) || zip.destroyed) continue;
          const bytes = await source.open(use.reference);
          if (!bytes) continue;
          await appended(archive, Readable.from(bytes), name, true);
          written.add(name);
        }
      }
      if (zip.destroyed) return;
    }
    await archive.finalize();
  }

  // A failure here destroys the download, and the pipeline reports it (once).
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

function uniqueFiles(uses: AttachmentUse[]): AttachmentUse[] {
  const seen = new Set<string>();
  return uses.filter((use) => !seen.has(use.reference) && seen.add(use.reference));
}
