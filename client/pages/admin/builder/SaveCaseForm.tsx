// "Save as test case": the preview's data (and household, and the campaign's parameters) kept as
// an example, with what must come out ticked from what comes out now — computed values, errors
// and warnings, fields and sections shown or hidden, whether it can be submitted.
import { useMemo, useState } from 'react';
import { evaluateCompiled, type CompiledForm, type FormCase, type FormData, type FormDefinition, type Household } from '@engine';
import { t } from '../../../i18n/tAdmin';
import { buildCase, caseCandidates } from './model/caseCandidates';

interface Props {
  definition: FormDefinition;
  /** The preview's compiled form (from precompiled validators: this page compiles no code). */
  form: CompiledForm;
  data: FormData;
  household: Household | null;
  params: Record<string, unknown>;
  takenNames: string[];
  onSave(c: FormCase): Promise<boolean>;
  onCancel(): void;
}

const KIND_LABELS = { valid: 'ad_expectValid', value: 'ad_expectValues', error: 'ad_expectErrors', warning: 'ad_expectWarnings', visible: 'ad_expectVisibility', hidden: 'ad_expectVisibility' } as const;

/** The registry's own bookkeeping is not part of an example household. */
function plainHousehold(h: Household | null): Household | null {
  if (!h) return null;
  const { id: _id, revision: _r, createdAt: _c, updatedAt: _u, memberCount: _m, ...rest } = h as Household & Record<string, unknown>;
  return rest as Household;
}

export function SaveCaseForm({ definition, form, data, household, params, takenNames, onSave, onCancel }: Props) {
  const result = useMemo(() => evaluateCompiled(form, data, { params, household }), [form, data, params, household]);
  const candidates = useMemo(() => caseCandidates(definition, result), [definition, result]);
  const [name, setName] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(candidates.map((c) => c.id)));
  const [withParams, setWithParams] = useState(true);
  const [busy, setBusy] = useState(false);
  const taken = takenNames.includes(name.trim());
  const groups = (['valid', 'value', 'error', 'warning', 'visible'] as const).map((kind) => ({
    kind, items: candidates.filter((c) => c.kind === kind || (kind === 'visible' && c.kind === 'hidden')),
  })).filter((g) => g.items.length > 0);
  const save = async () => {
    setBusy(true);
    const chosen = candidates.filter((c) => ticked.has(c.id));
    const ok = await onSave(buildCase(name.trim(), result.data, plainHousehold(household), withParams ? params : null, chosen));
    setBusy(false);
    if (ok) onCancel();
  };
  return (
    <form className="save-case" aria-label={t('ad_saveCase')} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>{t('ad_caseName')}
        <input value={name} onChange={(e) => setName(e.target.value)} required aria-invalid={taken} placeholder={t('ad_caseNamePlaceholder')} />
      </label>
      {taken ? <p className="formula-error" role="alert">{t('ad_caseNameTaken')}</p> : null}
      <p className="field-note">{t('ad_caseExplain')}</p>
      {groups.map((g) => (
        <fieldset key={g.kind}>
          <legend>{t(KIND_LABELS[g.kind])}</legend>
          {g.items.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={ticked.has(c.id)} onChange={(e) => setTicked((s) => {
                const next = new Set(s);
                if (e.target.checked) next.add(c.id);
                else next.delete(c.id);
                return next;
              })} />
              {c.label}
            </label>
          ))}
        </fieldset>
      ))}
      <label className="check">
        <input type="checkbox" checked={withParams} onChange={(e) => setWithParams(e.target.checked)} />
        {t('ad_caseWithParams', { params: JSON.stringify(params) })}
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || taken || name.trim() === ''}>{t('ad_saveCase')}</button>
        <button type="button" onClick={onCancel}>{t('ad_cancel')}</button>
      </div>
    </form>
  );
}
