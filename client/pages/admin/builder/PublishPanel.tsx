// Publishing: the draft saved, then checked by the server exactly as publishing will (the
// definition checker, each open campaign's parameters, every test case under each campaign)
// and shown with the list of what changed since the last version, and asked which open campaigns
// adopt the new version (check boxes, ticked for those with no submission of the form yet) and
// whether their open drafts and returned submissions move with it; publishing on confirmation.
// A refusal lists every reason: the checker's problems, or each failed case and why. Publishing
// sends the draft revision that was checked: if the draft changed since (another administrator
// saved or published it), the server refuses and the page offers the latest.
import { useState } from 'react';
import type { AdoptionChoice, CaseOutcome, PublishCheck, Published } from '../../../api/types';
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
      {failed.map((o) => (
        <li key={`${o.name} ${o.campaignTitle ?? ''}`}><strong>{o.name}</strong>{o.campaignTitle ? `（${o.campaignTitle}）` : ''}：{o.failures.join('；')}</li>
      ))}
    </ul>
  );
}

/** Which open campaigns adopt the new version, and whether their open drafts move with it. */
function AdoptionChoices({ choices, adopt, onChange, moveOpen, onMoveOpen }: {
  choices: AdoptionChoice[]; adopt: string[]; onChange(adopt: string[]): void; moveOpen: boolean; onMoveOpen(moveOpen: boolean): void;
}) {
  const open = choices.filter((c) => adopt.includes(c.id)).reduce((n, c) => n + c.open, 0);
  return (
    <fieldset className="adoption-choices">
      <legend>{t('ad_adoptQuestion')}</legend>
      {choices.map((c) => (
        <label key={c.id} className="check">
          <input type="checkbox" checked={adopt.includes(c.id)} onChange={(e) => onChange(e.target.checked ? [...adopt, c.id] : adopt.filter((x) => x !== c.id))} />
          {c.servedVersion === null ? t('ad_adoptChoiceNone', { title: c.title }) : t('ad_adoptChoice', { title: c.title, version: c.servedVersion, submissions: c.submissions })}
        </label>
      ))}
      {open > 0 ? (
        <label className="check"><input type="checkbox" checked={moveOpen} onChange={(e) => onMoveOpen(e.target.checked)} />{t('ad_moveOpen', { n: open })}</label>
      ) : null}
    </fieldset>
  );
}

export function PublishPanel({ formId, save, canSave, onPublished, onReload }: Props) {
  const [check, setCheck] = useState<PublishCheck | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const [adopt, setAdopt] = useState<string[]>([]);
  const [moveOpen, setMoveOpen] = useState(true);
  const action = useAction();
  const prepare = async () => {
    setCheck(null);
    setPublished(null);
    if (!(await save())) return;
    const result = await action.run(() => adminApi.checkPublish(formId));
    if (result) {
      setCheck(result);
      setAdopt((result.choices ?? []).filter((c) => c.adoptByDefault).map((c) => c.id));
    }
  };
  const publish = async () => {
    if (!check) return;
    const result = await action.run(() => adminApi.publish(formId, check.revision, adopt, moveOpen));
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
        <section className="publish-check" aria-label={t('ad_publishCheck')}>
          <h3>{t('ad_changesSince')}</h3>
          {/* biome-ignore lint/suspicious/noArrayIndexKey: the change lines are display-only text, never edited or reordered. */}
          <ul className="changes">{check.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
          <p>{t('ad_casesAllPassed', { n: check.cases.length })}</p>
          {check.choices?.length ? (
            <AdoptionChoices choices={check.choices} adopt={adopt} onChange={setAdopt} moveOpen={moveOpen} onMoveOpen={setMoveOpen} />
          ) : <p>{t('ad_servesNoCampaign')}</p>}
          <button type="button" className="primary" disabled={action.busy} onClick={() => void publish()}>{t('ad_publishNow')}</button>
        </section>
      ) : null}
      {published ? (
        <div className="publish-done" role="status">
          <p className="action-notice">{t('ad_published', { n: published.version })}</p>
          {/* biome-ignore lint/suspicious/noArrayIndexKey: the change lines are display-only text, never edited or reordered. */}
          <ul className="changes">{published.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
          <p>{published.adopted?.length ? t('ad_adoptedBy', { campaigns: published.adopted.join('、') }) : t('ad_adoptedByNone')}</p>
          {published.moved ? <p>{t('ad_movedCount', { n: published.moved })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
