// The ZIP of "export with files": the workbook first, then one folder per village and household
// (村/户主姓名-证件号码) holding each file its submissions refer to, once, named as the workbook's
// file column names it, dated in China time; a file the store does not hold is left out rather
// than failing the export.
// However many files, the download arrives in chunks of about 64 KB (the ZIP writer emits each file's
// headers and the closing directory a few bytes at a time), and a download cut short closes the
// file being read and ends the export without reporting a failure.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import JSZip from 'jszip';
import { attachmentsIn, buildFieldIndex, type JsonSchema } from '@engine';
import { describe, expect, it } from 'vitest';
import type { SubmissionRecord } from '../../server/store/records';
import { zipExport } from '../../server/export/zipExport';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    B1: { type: 'array', title: 'B1 住房照片', items: { type: 'string', format: 'photo' } },
    B4: { type: 'string', format: 'signature', title: 'B4 户主签字' },
  },
};
const index = buildFieldIndex(schema);

const bytesOf = (text: string) => Buffer.from(text, 'utf8');
const refOf = (text: string, ext: string) => `${createHash('sha256').update(bytesOf(text)).digest('hex')}.${ext}`;
const files = new Map([['房屋正面', 'jpg'], ['房屋侧面', 'jpg'], ['张德明的签字', 'png'], ['陈小红的签字', 'png']].map(([text, ext]) => [refOf(text!, ext!), bytesOf(text!)]));
const [front, side, sign1, sign2] = [...files.keys()];

function record(id: string, headName: string, headIdNumber: string, data: Record<string, unknown>): SubmissionRecord {
  return { id, headName, headIdNumber, divisionCode: '500118104201', formVersion: 1, data } as SubmissionRecord;
}

/** Many households with one photo each, the submissions' generator telling when it has ended. */
function manyHouseholds(count: number, fileBytes: number) {
  const state = { opened: 0, closed: 0, ended: false, errors: [] as unknown[] };
  const households = Array.from({ length: count }, (_, i) => record(`s${i}`, '张德明', `5001181985061${String(i).padStart(5, '0')}`, { B1: [`${String(i).padStart(64, '0')}.jpg`] }));
  const zipStream = zipExport({
    workbookName: '农户核查表.xlsx',
    workbook: Readable.from([Buffer.from('workbook bytes')]),
    plan: {
      async *submissions() {
        try {
          yield households;
        } finally {
          state.ended = true;
        }
      },
      names: { division: () => '高滩村村民委员会', user: (id) => id, load: async () => {} },
      filesOf: (r) => attachmentsIn(index, r.data),
    },
    open: async () => {
      state.opened++;
      return (async function* () {
        try {
          for (let at = 0; at < fileBytes; at += 64 * 1024) yield Buffer.alloc(Math.min(64 * 1024, fileBytes - at), 7);
        } finally {
          state.closed++;
        }
      })();
    },
  }, (error) => state.errors.push(error));
  return { zipStream, state };
}

const records = [
  record('s1', '张德明', '500118198506120013', { B1: [front, side, front], B4: sign1 }),
  record('s2', '陈小红', '500118199001011248', { B1: [`${'f'.repeat(64)}.jpg`], B4: sign2 }),
];

describe('export with files', () => {
  it('holds the workbook and each household\'s files in its village folder, each once', async () => {
    const zipStream = zipExport({
      workbookName: '农户核查表-2026-12-07.xlsx',
      workbook: Readable.from([Buffer.from('workbook bytes')]),
      plan: {
        async *submissions() { yield records; },
        names: { division: () => '高滩村村民委员会', user: (id) => id, load: async () => {} },
        filesOf: (r) => attachmentsIn(index, r.data),
      },
      open: async (reference) => (files.has(reference) ? Readable.from([files.get(reference)!]) : null),
    }, (error) => { throw error; });
    const zip = await JSZip.loadAsync(await buffer(zipStream));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort();
    expect(names).toEqual([
      `高滩村村民委员会/张德明-500118198506120013/${front}`,
      `高滩村村民委员会/张德明-500118198506120013/${side}`,
      `高滩村村民委员会/张德明-500118198506120013/${sign1}`,
      `高滩村村民委员会/陈小红-500118199001011248/${sign2}`,
      '农户核查表-2026-12-07.xlsx',
    ].sort());
    expect(await zip.file(`高滩村村民委员会/张德明-500118198506120013/${sign1}`)!.async('string')).toBe('张德明的签字');
    expect(await zip.file('农户核查表-2026-12-07.xlsx')!.async('string')).toBe('workbook bytes');
  });

  it('dates every entry in China time, whatever the server\'s time zone', async () => {
    // 2026-12-07 01:30 UTC is 09:30 in 永川区; a ZIP's time has no zone, and JSZip reads it as UTC.
    const zipStream = zipExport({
      workbookName: '农户核查表-2026-12-07.xlsx',
      workbook: Readable.from([Buffer.from('workbook bytes')]),
      plan: { async *submissions() { yield records; }, names: { division: () => '高滩村村民委员会', user: (id) => id, load: async () => {} }, filesOf: (r) => attachmentsIn(index, r.data) },
      open: async (reference) => (files.has(reference) ? Readable.from([files.get(reference)!]) : null),
      at: new Date('2026-12-07T01:30:00.000Z'),
    }, (error) => { throw error; });
    const zip = await JSZip.loadAsync(await buffer(zipStream));
    const times = new Set(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.date.toISOString()));
    expect([...times]).toEqual(['2026-12-07T09:30:00.000Z']);
  });

  it('reaches the download in chunks of about 64 KB however many files, the closing directory included', async () => {
    const { zipStream } = manyHouseholds(1000, 1000);
    const reader = (Readable.toWeb(zipStream) as ReadableStream<Uint8Array>).getReader();
    let chunks = 0;
    let bytes = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks++;
      bytes += read.value.length;
    }
    expect(bytes).toBeGreaterThan(1000 * 1000);
    expect(chunks).toBeLessThanOrEqual(Math.ceil(bytes / (64 * 1024)) + 1);
  });

  it('closes the file being read and ends the export when the download is cut short, reporting no failure', async () => {
    const { zipStream, state } = manyHouseholds(50, 2 * 1024 * 1024);
    const reader = (Readable.toWeb(zipStream) as ReadableStream<Uint8Array>).getReader();
    for (let i = 0; i < 10; i++) await reader.read();
    await reader.cancel();
    await expect.poll(() => state.ended).toBe(true);
    expect(state.opened).toBeGreaterThan(0);
    expect(state.opened).toBeLessThan(50);
    expect(state.closed).toBe(state.opened);
    expect(state.errors).toEqual([]);
  });
});
