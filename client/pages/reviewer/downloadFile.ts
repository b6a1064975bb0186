// Downloads a server export while showing how far it has come: the body is read as a stream,
// chunk by chunk (the page stays responsive: every chunk is an await), counting bytes and, for
// CSV, rows; the expected rows come up front in X-Export-Rows. The file is then saved through a
// temporary object URL. A stopped download (AbortSignal) saves nothing.
import { ApiError, OfflineError } from '../../api/http';

export interface DownloadProgress {
  /** Rows the server said it will send (X-Export-Rows), if it said. */
  rows: number | null;
  /** Rows received so far (CSV only: complete lines after the header). */
  rowsDone: number | null;
  bytes: number;
}

export interface Downloaded {
  blob: Blob;
  fileName: string;
  rows: number | null;
}

/** The file name of a Content-Disposition (the UTF-8 one when given). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      /* a malformed name: use the plain one */
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

async function problem(response: Response): Promise<Error> {
  let body: { error?: { code?: string; message?: string; details?: unknown } } = {};
  try {
    body = await response.json();
  } catch {
    /* not the server's error shape */
  }
  if (response.status === 502 || response.status === 503 || response.status === 504) return new OfflineError();
  return new ApiError(response.status, body.error?.code ?? 'http_error', body.error?.message ?? `导出失败（${response.status}）`, body.error?.details);
}

const NEWLINE = 10;
const REPORT_EVERY_MS = 100;

export async function downloadFile(url: string, onProgress: (progress: DownloadProgress) => void, signal?: AbortSignal): Promise<Downloaded> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new OfflineError();
  }
  if (!response.ok) throw await problem(response);
  const header = response.headers.get('X-Export-Rows');
  const rows = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const csv = type.startsWith('text/csv');
  const chunks: Uint8Array[] = [];
  const progress: DownloadProgress = { rows, rowsDone: csv ? 0 : null, bytes: 0 };
  let lines = 0;
  let reportedAt = 0;
  onProgress({ ...progress });
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      progress.bytes += value.byteLength;
      if (csv) {
        for (let i = 0; i < value.length; i++) if (value[i] === NEWLINE) lines++;
        progress.rowsDone = Math.max(0, lines - 1);
      }
      const now = Date.now();
      if (now - reportedAt >= REPORT_EVERY_MS) {
        reportedAt = now;
        onProgress({ ...progress });
      }
    }
  } else {
    const buffer = new Uint8Array(await response.arrayBuffer());
    chunks.push(buffer);
    progress.bytes = buffer.byteLength;
  }
  onProgress({ ...progress });
  const fallback = url.includes('format=csv') ? 'export.csv' : 'export.xlsx';
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName: fileNameOf(response.headers.get('Content-Disposition'), fallback), rows };
}

/** Hands a file to the browser's downloads, through a temporary link to an object URL. */
export function saveFile(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
