// Registering from the official list: province, city, county and (optionally) township picked a
// level at a time, each option marked when already registered, then one button registers the
// deepest one picked with everything below it, showing the server's progress and what it added.
import { useState } from 'react';
import { ErrorMessage } from '../../../components/Layout';
import { useLoad } from '../../../components/useLoad';
import { t } from '../../../i18n/tAdmin';
import { messageOf } from '../components/useAction';
import { divisionsApi, type OfficialDivision, type OfficialImportResult } from './divisionsApi';

const LEVELS = ['dv_province', 'dv_city', 'dv_county', 'dv_township'] as const;

interface LevelProps {
  label: (typeof LEVELS)[number];
  parent: string | null;
  value: string;
  round: number;
  onChange(code: string, division: OfficialDivision | null): void;
  onSource?(source: string): void;
}

function LevelSelect({ label, parent, value, round, onChange, onSource }: LevelProps) {
  const list = useLoad(async () => {
    const answer = await divisionsApi.catalog(parent);
    onSource?.(answer.source);
    return answer.items;
  }, [parent, round]);
  if (list.error) return <ErrorMessage message={list.error} retry={list.reload} />;
  const items = list.value ?? [];
  return (
    <label>{t(label)}
      <select value={value} disabled={list.loading && !list.value} onChange={(e) => onChange(e.target.value, items.find((d) => d.code === e.target.value) ?? null)}>
        <option value="">{label === 'dv_township' ? t('dv_wholeCounty') : t('dv_choose')}</option>
        {items.map((d) => <option key={d.code} value={d.code}>{d.name}{d.registered ? t('dv_registeredMark') : ''}</option>)}
      </select>
    </label>
  );
}

export function OfficialImport({ onImported }: { onImported(): void }) {
  const [chosen, setChosen] = useState<{ code: string; name: string }[]>([]);
  const [source, setSource] = useState('');
  const [round, setRound] = useState(0);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<OfficialImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = (level: number, code: string, division: OfficialDivision | null) => {
    setChosen([...chosen.slice(0, level), ...(code && division ? [{ code, name: division.name }] : [])]);
    setResult(null);
    setError(null);
  };
  const target = chosen.at(-1);
  const run = async () => {
    if (!target) return;
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: 0 });
    try {
      setResult(await divisionsApi.importOfficial(target.code, (done, total) => setProgress({ done, total })));
      setRound((n) => n + 1);
      onImported();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setProgress(null);
    }
  };
  return (
    <section className="panel">
      <h2>{t('dv_official')}</h2>
      <p>{t('dv_officialExplain')}</p>
      <div className="admin-form">
        {LEVELS.map((label, level) => (level === 0 || chosen[level - 1]) ? (
          <LevelSelect key={`${label}-${chosen[level - 1]?.code ?? ''}`} label={label} parent={level === 0 ? null : chosen[level - 1]!.code}
            value={chosen[level]?.code ?? ''} round={round} onChange={(code, d) => pick(level, code, d)} onSource={level === 0 ? setSource : undefined} />
        ) : null)}
        <div className="form-actions">
          <button type="button" className="primary" disabled={!target || progress !== null} onClick={() => void run()}>
            {target ? t('dv_importThis', { name: target.name }) : t('dv_official')}
          </button>
        </div>
      </div>
      {source ? <p className="muted">{t('dv_source', { source })}</p> : null}
      {progress ? (
        <div className="import-progress" role="status">
          <span>{t('dv_importing', progress)}</span>
          <progress max={Math.max(progress.total, 1)} value={progress.done} />
        </div>
      ) : null}
      {error ? <p className="action-error" role="alert">{error}</p> : null}
      {result ? (
        <p className="action-notice" role="status">
          {t('dv_imported', { ...result, skipped: result.skipped ? t('dv_importedSkipped', { n: result.skipped }) : '' })}
        </p>
      ) : null}
    </section>
  );
}
