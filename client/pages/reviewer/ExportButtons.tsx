// Export buttons with the download's progress beside them: the rows the server announced, the
// rows (CSV) or bytes received so far, a bar, a way to stop, and the file saved at the end. One
// download at a time; the page stays usable meanwhile.
import { useRef, useState } from 'react';
import { ApiError, OfflineError } from '../../api/http';
import { t } from '../../i18n/tReviewer';
import { downloadFile, saveFile, type DownloadProgress } from './downloadFile';

export interface ExportTarget {
  label: string;
  url: string;
  /**
   * Left to the browser's own download (a link), which writes to disk as it comes and shows its
   * progress: for the ZIP with every photo, which may run to gigabytes a page could not hold.
   */
  native?: boolean;
  /** Said beside a native download. */
  hint?: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: DownloadProgress }
  | { kind: 'done'; rows: number | null; fileName: string }
  | { kind: 'failed'; message: string };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ExportButtons({ targets }: { targets: ExportTarget[] }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const stop = useRef<AbortController | null>(null);

  const start = async (target: ExportTarget) => {
    const controller = new AbortController();
    stop.current = controller;
    setState({ kind: 'running', progress: { rows: null, rowsDone: null, bytes: 0 } });
    try {
      const file = await downloadFile(target.url, (progress) => setState({ kind: 'running', progress }), controller.signal);
      saveFile(file.blob, file.fileName);
      setState({ kind: 'done', rows: file.rows, fileName: file.fileName });
    } catch (error) {
      if (controller.signal.aborted) setState({ kind: 'failed', message: t('rv_exportCancelled') });
      else setState({ kind: 'failed', message: error instanceof ApiError ? error.message : error instanceof OfflineError ? t('networkError') : t('serverError') });
    } finally {
      stop.current = null;
    }
  };

  const running = state.kind === 'running' ? state.progress : null;
  const share = running?.rows && running.rowsDone !== null ? Math.min(1, running.rowsDone / running.rows) : null;
  return (
    <div className="rv-export">
      {targets.map((target) => (target.native
        ? <a key={target.url} className="button" href={target.url} download title={target.hint}>{target.label}</a>
        : <button key={target.url} type="button" onClick={() => void start(target)} disabled={running !== null}>{target.label}</button>
      ))}
      {running ? (
        <div className="rv-export-progress" role="status">
          <span>{t('rv_exporting', { rows: running.rows ?? '…' })}</span>
          {share !== null ? <progress max={1} value={share} /> : <progress />}
          <span className="muted">
            {running.rowsDone !== null && running.rows !== null ? `${t('rv_exportRowsDone', { done: running.rowsDone, rows: running.rows })} · ` : ''}
            {t('rv_exportReceived', { size: formatBytes(running.bytes) })}
          </span>
          <button type="button" className="link" onClick={() => stop.current?.abort()}>{t('rv_exportCancel')}</button>
        </div>
      ) : null}
      {state.kind === 'done' ? <p className="rv-export-done" role="status">{t('rv_exported', { rows: state.rows ?? '', file: state.fileName })}</p> : null}
      {state.kind === 'failed' ? <p className="rv-export-failed" role="alert">{state.message}</p> : null}
    </div>
  );
}
