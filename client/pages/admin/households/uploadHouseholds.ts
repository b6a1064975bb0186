// Sends a household file to the server and follows its progress: the upload's own progress
// (XMLHttpRequest reports bytes sent), then the server's NDJSON progress lines as they arrive
// (checking, matching, writing), ending with the result. A refused file (not a spreadsheet, too
// large, not an administrator) rejects with the server's ApiError.
import { api, ApiError, OfflineError } from '../../../api/http';
import type { ImportProgress, ImportResult } from '../../../api/types';

export type UploadProgress = { stage: 'uploading'; done: number; total: number } | Omit<ImportProgress, 'type'>;

type Line = ImportProgress | ImportResult | { type: 'error'; message: string };

export async function uploadHouseholds(file: Blob, dryRun: boolean, onProgress: (p: UploadProgress) => void): Promise<ImportResult> {
  // The session's CSRF token, as the session endpoint gives it (the upload bypasses api()).
  const { csrfToken } = await api<{ csrfToken: string }>('GET', '/api/session');
  return new Promise<ImportResult>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    let result: ImportResult | null = null;
    let failure: string | null = null;
    const consume = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      let end: number;
      while ((end = text.indexOf('\n', read)) >= 0) {
        const line = JSON.parse(text.slice(read, end)) as Line;
        read = end + 1;
        if (line.type === 'progress') onProgress({ stage: line.stage, done: line.done, total: line.total });
        else if (line.type === 'result') result = line;
        else failure = line.message;
      }
    };
    xhr.open('POST', `/api/household-import${dryRun ? '?dryRun=1' : ''}`);
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress({ stage: 'uploading', done: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onprogress = consume;
    xhr.onerror = () => reject(new OfflineError());
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body: { error?: { code?: string; message?: string; details?: unknown } } = {};
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          /* not the API's error shape */
        }
        reject(new ApiError(xhr.status, body.error?.code ?? 'http_error', body.error?.message ?? `请求失败（${xhr.status}）`, body.error?.details));
        return;
      }
      consume();
      if (result) resolve(result);
      else reject(new ApiError(500, 'internal', failure ?? '导入中断：没有收到结果，未导入任何数据'));
    };
    xhr.send(file);
  });
}
