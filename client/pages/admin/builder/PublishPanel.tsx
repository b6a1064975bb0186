// Publishing: the draft saved, then checked by the server exactly as publishing will (the
// definition checker, each open campaign's parameters, every test case under each campaign)
// and shown with the list of what changed since the last version; publishing on confirmation.
// A refusal lists every reason: the checker's problems, or each failed case and why. Publishing
// sends the draft revision that was checked: if the draft changed since (another administrator
// saved or published it), the server refuses and the page offers the latest.
import { useState } from 'react';
import type { CaseOutcome, PublishCheck } from '../../../api/types';
import { t } from '../../../i18n/tAdmin';
import { adminApi } from '../adminApi';
import { ProblemList, problemsOf } from '../components/ProblemList';
import { ActionMessage, useAction } from '../components/useAction';

interface Props {
  formId: string;
  /** Saves the draft if it changed; false when it could not be saved. */
  save(): Promise<boolean>;
  canSave: boolean;
  /** The draft's new revision once published (cleared). */
  onPublished(version: number, revision: number): void;
  /** Loads the latest draft, dropping what was not saved. */
  onReload(): void;
}

function CaseFailures({ outcomes }: { outcomes: CaseOutcome[] }) {
  const failed = outcomes.filter((o) => !o.passed);
  if (failed.length === 0) return null;
  return (
    <ul className="case-failures">
      {failed.map((o, i) => (
        <li key={i}><strong>{o.name}</strong>{o.campaignTitle ? `（${o.campaignTitle}）` : ''}：{o.failures.join('；')}</li>
      ))}
    </ul>
  );
}

export function PublishPanel({ formId, save, canSave, onPublished, onReload }: Props) {
  const [check, setCheck] = useState<PublishCheck | null>(null);
  const [published, setPublished] = useState<{ version: number; changes: string[] } | null>(null);
  const action = useAction();
  const prepare = async () => {
    setCheck(null);
    setPublished(null);
    if (!(await save())) return;
    const result = await action.run(() => adminApi.checkPublish(formId));
    if (result) setCheck(result);
  };
  const publish = async () => {
    if (!check) return;
    const result = await action.run(() => adminApi.publish(formId, check.revision));
    setCheck(null);
    if (result) {
      setPublished(result);
      onPublished(result.version, result.revision);
    }
  };
  const details = action.details as { cases?: CaseOutcome[] } | null;
  return (
    <div className="publish-panel">
      <p className="field-note">{t('ad_publishExplain')}</p>
      <button type="button" className="primary" disabled={action.busy || !canSave} onClick={() => void prepare()}>{t('ad_checkBeforePublish')}</button>
      {!canSave ? <p className="formula-error" role="alert">{t('ad_fixFormulasFirst')}</p> : null}
      <ActionMessage action={action} onReload={onReload} />
      <ProblemList problems={problemsOf(action.details)} />
      {details?.cases ? <CaseFailures outcomes={details.cases} /> : null}
      {check ? (
        <div className="publish-check" role="region" aria-label={t('ad_publishCheck')}>
          <h3>{t('ad_changesSince')}</h3>
          <ul className="changes">{check.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
          <p>{t('ad_casesAllPassed', { n: check.cases.length })}</p>
          <p>{check.campaigns.length ? t('ad_servesCampaigns', { campaigns: check.campaigns.map((c) => c.title).join('、') }) : t('ad_servesNoCampaign')}</p>
          <button type="button" className="primary" disabled={action.busy} onClick={() => void publish()}>{t('ad_publishNow')}</button>
        </div>
      ) : null}
      {published ? (
        <div className="publish-done" role="status">
          <p className="action-notice">{t('ad_published', { n: published.version })}</p>
          <ul className="changes">{published.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
        </div>
      ) : null}
    </div>
  );
}
