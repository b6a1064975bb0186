// The household registry imported from a spreadsheet: the template to download (XLSX, or CSV),
// the file chosen, a check (dry run) that lists every row's problems with its sheet row and column
// before anything is written, then the import — enabled once the same file checked clean — with
// progress through upload, checking, matching and writing. The page never freezes: the work is
// the server's, and its progress arrives line by line.
import { useState } from 'react';
import type { ImportProblem, ImportResult } from '../../../api/types';
import { Layout } from '../../../components/Layout';
import { t } from '../../../i18n/tAdmin';
import { SheetProblemTable } from '../components/SheetProblemTable';
import { messageOf } from '../components/useAction';
import { uploadHouseholds, type UploadProgress } from './uploadHouseholds';

const fileKey = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;

function percent(p: UploadProgress): number {
  return p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
}

function ProgressLine({ progress }: { progress: UploadProgress }) {
  const label = t(`ad_stage_${progress.stage}`);
  const counts = progress.stage === 'uploading' ? `${percent(progress)}%` : t('ad_stageCount', { done: progress.done, total: progress.total });
  return (
    <div className="import-progress" role="status">
      <span>{label} {counts}</span>
      <progress max={100} value={percent(progress)} aria-label={label} />
    </div>
  );
}

export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [checkedFile, setCheckedFile] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const busy = progress !== null;

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setResult(null);
    setProblems([]);
    setProgress({ stage: 'uploading', done: 0, total: file.size });
    try {
      const outcome = await uploadHouseholds(file, dryRun, setProgress);
      setResult(outcome);
      setProblems(outcome.problems);
      setCheckedFile(dryRun && outcome.ok ? fileKey(file) : null);
    } catch (e) {
      setError(messageOf(e));
      setCheckedFile(null);
    } finally {
      setProgress(null);
    }
  };

  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <Layout title={t('ad_import')} back="/admin" wide>
      <section className="panel">
        <h2>{t('ad_importTemplate')}</h2>
        <p>{t('ad_importExplain')}</p>
        <p className="page-actions">
          <a className="button" href="/api/household-import/template?format=xlsx" download>{t('ad_templateXlsx')}</a>
          <a className="button" href="/api/household-import/template?format=csv" download>{t('ad_templateCsv')}</a>
        </p>
      </section>
      <section className="panel">
        <h2>{t('ad_importFile')}</h2>
        <label className="file-choice">{t('ad_chooseFile')}
          <input type="file" accept=".xlsx,.ods,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,application/vnd.ms-excel,text/csv" disabled={busy}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); setProblems([]); setError(null); setCheckedFile(null); }} />
        </label>
        <div className="page-actions">
          <button type="button" disabled={!file || busy} onClick={() => void run(true)}>{t('ad_checkFile')}</button>
          <button type="button" className="primary" disabled={!file || busy || checkedFile !== (file && fileKey(file))} onClick={() => void run(false)}>{t('ad_importNow')}</button>
        </div>
        {file && checkedFile !== fileKey(file) && !busy ? <p className="muted">{t('ad_checkFirst')}</p> : null}
        {progress ? <ProgressLine progress={progress} /> : null}
        {error ? <p className="action-error" role="alert">{error}</p> : null}
        {result && !result.ok ? <p className="action-error" role="alert">{t('ad_importRefused', { n: errors })}</p> : null}
        {result?.ok && result.dryRun ? (
          <p className="action-notice" role="status">{t('ad_checkPassed', { rows: result.rows, households: result.households, members: result.members, created: result.created, updated: result.updated })}</p>
        ) : null}
        {result?.ok && !result.dryRun ? (
          <p className="action-notice" role="status">{t('ad_imported', { households: result.households, members: result.members, created: result.created, updated: result.updated })}</p>
        ) : null}
        <SheetProblemTable problems={problems} />
      </section>
    </Layout>
  );
}
