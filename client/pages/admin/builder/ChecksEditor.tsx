// A field's checks: "this must hold" as a formula (A34 >= 0, AND(A1 = 是, A28 > 0)), optionally
// only when another formula holds, with the Chinese message the officer reads beside the field
// ({{A34}} is replaced by the value) and whether it blocks submitting (error) or only warns.
import type { FormulaScope, ValidationRule } from '@engine';
import { t } from '../../../i18n/tAdmin';
import { useBuilder } from './BuilderContext';
import { FormulaInput } from './FormulaInput';
import { newCheckId, setValidations, validationsOf } from './model/rules';

interface Props {
  fieldKey: string;
  title: string;
  scope: FormulaScope;
}

export function ChecksEditor({ fieldKey, title, scope }: Props) {
  const { definition, change } = useBuilder();
  const checks = validationsOf(definition, fieldKey);
  const save = (next: ValidationRule[]) => change((d) => setValidations(d, fieldKey, next));
  const update = (i: number, patch: Partial<ValidationRule>) => {
    save(checks.map((c, j) => {
      if (j !== i) return c;
      const next = { ...c, ...patch };
      if (next.when === undefined) delete next.when;
      return next;
    }));
  };
  const boolean = { ...scope, expect: 'boolean' as const };
  return (
    <div className="checks-editor">
      {checks.length === 0 ? <p className="muted">{t('ad_noChecks')}</p> : null}
      {checks.map((check, i) => (
        <fieldset key={check.id} className="check-card">
          <legend>{t('ad_checkN', { n: i + 1 })} <code>{check.id}</code></legend>
          <FormulaInput id={`check:${check.id}:assert`} label={t('ad_checkAssert')} logic={check.assert} scope={boolean}
            placeholder={t('ad_checkAssertPlaceholder')} onChange={(assert) => update(i, { assert })} />
          <FormulaInput id={`check:${check.id}:when`} label={t('ad_checkWhen')} logic={check.when} scope={boolean}
            placeholder={t('ad_checkWhenPlaceholder')} onChange={(when) => update(i, { when })} optional />
          <label>{t('ad_checkMessage')}
            <input value={check.message} onChange={(e) => update(i, { message: e.target.value })} />
          </label>
          <label>{t('ad_checkSeverity')}
            <select value={check.severity ?? 'error'} onChange={(e) => update(i, { severity: e.target.value as ValidationRule['severity'] })}>
              <option value="error">{t('ad_severityError')}</option>
              <option value="warning">{t('ad_severityWarning')}</option>
            </select>
          </label>
          <button type="button" className="quiet" onClick={() => save(checks.filter((_, j) => j !== i))}>{t('ad_removeCheck')}</button>
        </fieldset>
      ))}
      <button type="button" onClick={() => change((d) => {
        const id = newCheckId(d, fieldKey);
        setValidations(d, fieldKey, [...validationsOf(d, fieldKey), { id, field: fieldKey, assert: true, message: `${title}：${t('ad_checkDefaultMessage')}` }]);
      })}>{t('ad_addCheck')}</button>
    </div>
  );
}
