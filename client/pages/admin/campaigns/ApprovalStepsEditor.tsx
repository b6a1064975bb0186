// The campaign's 民主评议 and 公示 steps, per form it uses: each step's kind, name, the review level
// it comes before, the notice's days and who holds it (village or township). The server checks
// them with the campaign (checkApprovalSteps) and names a wrong one in Chinese.
import { useEffect, useState } from 'react';
import type { ApprovalStep, ReviewLevel } from '@engine';
import { t } from '../../../i18n/tDeliberation';
import { adminApi } from '../adminApi';

export type ApprovalSteps = Record<string, ApprovalStep[]>;

interface Props {
  forms: { id: string; title: string }[];
  chosen: string[];
  value: ApprovalSteps;
  onChange(value: ApprovalSteps): void;
}

/** Each chosen form's review levels (its latest published version), by form id. */
function useLevels(formIds: string[]): Record<string, ReviewLevel[]> {
  const [levels, setLevels] = useState<Record<string, ReviewLevel[]>>({});
  const key = [...formIds].sort().join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the forms' ids as a set (`key`), not the array's identity.
  useEffect(() => {
    let active = true;
    void Promise.all(formIds.map((id) => adminApi.latest(id).catch(() => null))).then((forms) => {
      if (!active) return;
      setLevels(Object.fromEntries(formIds.map((id, i) => [id, forms[i]?.definition.review?.levels ?? []])));
    });
    return () => {
      active = false;
    };
  }, [key]);
  return levels;
}

function newStep(kind: ApprovalStep['kind'], steps: ApprovalStep[], levels: ReviewLevel[]): ApprovalStep {
  let id: string = kind;
  for (let n = 2; steps.some((s) => s.id === id); n++) id = `${kind}-${n}`;
  const title = kind === 'appraisal' ? t('dl_kindAppraisal') : t('dl_kindNotice');
  return { id, kind, title, before: levels[0]?.id ?? '', ...(kind === 'notice' ? { days: 7 } : {}) };
}

export function ApprovalStepsEditor({ forms, chosen, value, onChange }: Props) {
  const levels = useLevels(chosen);
  const set = (formId: string, steps: ApprovalStep[]) => {
    const next = { ...value, [formId]: steps };
    if (steps.length === 0) delete next[formId];
    onChange(next);
  };
  return (
    <fieldset className="wide-field">
      <legend>{t('dl_stepsLegend')}</legend>
      <p className="muted">{t('dl_stepsExplain')}</p>
      {chosen.map((formId) => {
        const title = forms.find((f) => f.id === formId)?.title ?? formId;
        const steps = value[formId] ?? [];
        const own = levels[formId] ?? [];
        const change = (i: number, patch: Partial<ApprovalStep>) => set(formId, steps.map((s, j) => {
          if (j !== i) return s;
          const next = { ...s, ...patch };
          if (next.kind !== 'notice') delete next.days;
          if (next.divisionDigits === 12) delete next.divisionDigits;
          return next;
        }));
        return (
          <section key={formId} className="steps-of-form" aria-label={title}>
            <h3>{title}</h3>
            {own.length === 0 && levels[formId] ? <p className="muted">{t('dl_noLevels')}</p> : null}
            {steps.map((step, i) => (
              <div key={step.id} className="step-row">
                <label>{t('dl_kind')}
                  <select value={step.kind} onChange={(e) => change(i, { kind: e.target.value as ApprovalStep['kind'], ...(e.target.value === 'notice' ? { days: step.days ?? 7 } : {}) })}>
                    <option value="appraisal">{t('dl_kindAppraisal')}</option>
                    <option value="notice">{t('dl_kindNotice')}</option>
                  </select>
                </label>
                <label>{t('dl_stepTitle')}<input value={step.title} onChange={(e) => change(i, { title: e.target.value })} /></label>
                <label>{t('dl_before')}
                  <select value={step.before} onChange={(e) => change(i, { before: e.target.value })}>
                    {own.some((l) => l.id === step.before) ? null : <option value={step.before}>{step.before || '—'}</option>}
                    {own.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
                  </select>
                </label>
                {step.kind === 'notice' ? (
                  <label>{t('dl_noticeDays')}<input type="number" value={step.days ?? ''} onChange={(e) => change(i, { days: Number(e.target.value) })} /></label>
                ) : null}
                <label>{t('dl_heldBy')}
                  <select value={step.divisionDigits ?? 12} onChange={(e) => change(i, { divisionDigits: Number(e.target.value) as 9 | 12 })}>
                    <option value={12}>{t('dl_byVillage')}</option>
                    <option value={9}>{t('dl_byTownship')}</option>
                  </select>
                </label>
                <button type="button" onClick={() => set(formId, steps.filter((_, j) => j !== i))}>{t('dl_remove')}</button>
              </div>
            ))}
            {own.length > 0 ? (
              <div className="form-actions">
                <button type="button" onClick={() => set(formId, [...steps, newStep('appraisal', steps, own)])}>{t('dl_addAppraisal')}</button>
                <button type="button" onClick={() => set(formId, [...steps, newStep('notice', steps, own)])}>{t('dl_addNotice')}</button>
              </div>
            ) : null}
          </section>
        );
      })}
    </fieldset>
  );
}
