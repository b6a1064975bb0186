// Before a draft is sent, the files it refers to that the server lacks: asked for in one call
// (POST /api/attachments/missing), then each PUT with its bytes, one after another, with progress.
// A file the server already has is never sent again (a retry after a cut connection asks afresh),
// and the submission goes only once every file is acknowledged: the caller sends it after this
// resolves, and any failure here (thrown) keeps the whole item queued.
import { api, ApiError } from '../api/http';
import { getFile, referencesIn } from './files';

export interface UploadProgress {
  /** The file being uploaded, counting from 1. */
  current: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress | null) => void;
  timeoutMs?: number;
}

/** The draft refers to a file neither the server nor the phone has (the phone's storage was cleared). */
export const FILE_LOST = '有照片或签字在本机已找不到，请打开此表重新拍摄或签字';

export async function uploadFiles(data: unknown, options: UploadOptions = {}): Promise<number> {
  const references = [...referencesIn(data)];
  if (references.length === 0) return 0;
  const { missing } = await api<{ missing: string[] }>('POST', '/api/attachments/missing', { references }, { timeoutMs: options.timeoutMs });
  try {
    for (const [i, reference] of missing.entries()) {
      options.onProgress?.({ current: i + 1, total: missing.length });
      const file = await getFile(reference);
      if (!file) throw new ApiError(410, 'file_lost', FILE_LOST, { reference });
      const body = new Blob([file.bytes], { type: file.contentType });
      const query = new URLSearchParams({ kind: file.kind ?? 'photo', capturedAt: file.savedAt });
      await api('PUT', `/api/attachments/${encodeURIComponent(reference)}?${query}`, body, { timeoutMs: options.timeoutMs });
    }
  } finally {
    options.onProgress?.(null);
  }
  return missing.length;
}
