// The adjustment sheet: download the registered divisions (all, or one county's) as XLSX or CSV,
// edit it, choose it, check it (dry run: each problem with its sheet row and column, and what the
// sheet would change), then apply it — enabled once the same file checked clean.
import { useState } from 'react';
import { ApiError } from '../../../api/http';
import type { Division, ImportProblem } from '../../../api/types';
import { t } from '../../../i18n/tAdmin';
import { SheetProblemTable } from '../components/SheetProblemTable';
import { messageOf } from '../components/useAction';
import { divisionsApi, type AdjustmentResult } from './divisionsApi';

const fileKey = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;
const counts = ({ rows, added, renamed, merged, unchanged, households }: AdjustmentResult) => ({ rows, added, renamed, merged, unchanged, households });

export function AdjustmentPanel({ divisions, onApplied }: { divisions: Division[]; onApplied(): void }) {
  const counties = divisions.filter((d) => d.code.length === 6);
  const [under, setUnder] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AdjustmentResult | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [refused, setRefused] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checkedFile, setCheckedFile] = useState<string | null>(null);
  const query = under ? `under=${under}&` : '';

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setProblems([]);
    setRefused(null);
    setError(null);
    try {
      const outcome = await divisionsApi.adjust(file, dryRun);
      setResult(outcome);
      setProblems(outcome.problems);
      setCheckedFile(dryRun ? fileKey(file) : null);
      if (!dryRun) onApplied();
    } catch (e) {
      const listed = e instanceof ApiError ? (e.details as { problems?: ImportProblem[] } | null)?.problems : undefined;
      if (listed) {
        setProblems(listed);
        setRefused(listed.filter((p) => p.severity === 'error').length);
      } else {
        setError(messageOf(e));
      }
      setCheckedFile(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel">
      <h2>{t('dv_adjust')}</h2>
      <p>{t('dv_adjustExplain')}</p>
      <div className="page-actions">
        <label className="labelled">{t('dv_sheetUnder')}
          <select value={under} onChange={(e) => setUnder(e.target.value)}>
            <option value="">{t('dv_everything')}</option>
            {counties.map((c) => <option key={c.code} value={c.code}>{c.name}（{c.code}）</option>)}
          </select>
        </label>
        <a className="button" href={`/api/divisions/adjustments/sheet?${query}format=xlsx`} download>{t('dv_downloadXlsx')}</a>
        <a className="button" href={`/api/divisions/adjustments/sheet?${query}format=csv`} download>{t('dv_downloadCsv')}</a>
      </div>
      <label className="file-choice">{t('dv_chooseSheet')}
        <input type="file" accept=".xlsx,.ods,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,application/vnd.ms-excel,text/csv" disabled={busy}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); setProblems([]); setRefused(null); setError(null); setCheckedFile(null); }} />
      </label>
      <div className="page-actions">
        <button type="button" disabled={!file || busy} onClick={() => void run(true)}>{t('dv_check')}</button>
        <button type="button" className="primary" disabled={!file || busy || checkedFile !== (file && fileKey(file))} onClick={() => void run(false)}>{t('dv_apply')}</button>
      </div>
      {file && checkedFile !== fileKey(file) && !busy ? <p className="muted">{t('dv_checkFirst')}</p> : null}
      {error ? <p className="action-error" role="alert">{error}</p> : null}
      {refused !== null ? <p className="action-error" role="alert">{t('dv_refused', { n: refused })}</p> : null}
      {result ? <p className="action-notice" role="status">{t(result.dryRun ? 'dv_checked' : 'dv_applied', counts(result))}</p> : null}
      <SheetProblemTable problems={problems} />
    </section>
  );
}
