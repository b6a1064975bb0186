// The 行政区划 page's calls to the server: the official list a level at a time, importing a branch
// of it (following the server's NDJSON progress), household counts, the history, removing a
// division, and the adjustment sheet sent as the request body (checked, or applied).
import { api, ApiError, OfflineError } from '../../../api/http';
import type { AdjustmentResult, DivisionCatalog, DivisionChange, OfficialImportProgress, OfficialImportResult } from '@engine/contract';

export type { AdjustmentResult, DivisionChange, DivisionLevel, OfficialDivision, OfficialImportResult } from '@engine/contract';

type ImportLine = OfficialImportProgress | OfficialImportResult | { type: 'error'; message: string };

async function csrfToken(): Promise<string> {
  return (await api<{ csrfToken: string }>('GET', '/api/session')).csrfToken;
}

async function failure(response: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; details?: unknown } } = {};
  try {
    body = await response.json();
  } catch {
    /* not the API's error shape */
  }
  return new ApiError(response.status, body.error?.code ?? 'http_error', body.error?.message ?? `请求失败（${response.status}）`, body.error?.details);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw new OfflineError();
  }
  if (!response.ok) throw await failure(response);
  return response;
}

export const divisionsApi = {
  catalog: (parent: string | null) =>
    api<DivisionCatalog>('GET', `/api/division-catalog${parent ? `?parent=${parent}` : ''}`),

  /** Registers `code` with everything below it, reporting progress as the server writes. */
  async importOfficial(code: string, onProgress: (done: number, total: number) => void): Promise<OfficialImportResult> {
    const response = await send('/api/divisions/import-official', {
      method: 'POST', body: JSON.stringify({ code }),
      headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson', 'X-CSRF-Token': await csrfToken() },
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      buffered += decoder.decode(value, { stream: !done });
      let end: number;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, end)) as ImportLine;
        buffered = buffered.slice(end + 1);
        if (line.type === 'progress') onProgress(line.done, line.total);
        else if (line.type === 'result') return line;
        else throw new ApiError(500, 'internal', line.message);
      }
      if (done) throw new ApiError(500, 'internal', '登记中断：没有收到结果，已登记的部分保留，再次登记即可补全');
    }
  },

  householdCounts: () => api<{ items: { divisionCode: string; count: number }[] }>('GET', '/api/divisions/household-counts').then((r) => r.items),
  changes: () => api<{ items: DivisionChange[] }>('GET', '/api/divisions/changes').then((r) => r.items),
  remove: (code: string) => api<{ code: string; name: string; removed: number }>('DELETE', `/api/divisions/${code}`),

  /** Sends the adjustment sheet: checked only (dryRun) or applied; a refused sheet rejects with its problems in the ApiError's details. */
  async adjust(file: Blob, dryRun: boolean): Promise<AdjustmentResult> {
    const response = await send(`/api/divisions/adjustments${dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST', body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json', 'X-CSRF-Token': await csrfToken() },
    });
    return (await response.json()) as AdjustmentResult;
  },
};
