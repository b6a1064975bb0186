// A field pre-filled from the registry for verification (过录指标，只需核实): the registry's value
// with 核实无误 / 更正. A correction opens the input; the registry's value stays visible beside it
// (reviewers see the same old and new values) and can be restored.
import type { ReactElement } from 'react';
import { labelOf, valueAt, type JsonSchema } from '@engine';
import { t } from '../../i18n/t';
import type { FormSession } from '../FormSession';
import { useFormStore } from '../useFormStore';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function VerifyControls({ fieldKey, pointer, schema, session, children }: {
  fieldKey: string; pointer: string; schema: JsonSchema; session: FormSession; children: ReactElement;
}) {
  const value = useFormStore((s) => valueAt(s.data, pointer));
  const registryValue = useFormStore((s) => s.verify.registry[fieldKey]);
  const confirmed = useFormStore((s) => s.verify.confirmed.has(fieldKey));
  const correcting = useFormStore((s) => s.verify.correcting.has(fieldKey));
  const changed = !same(value, registryValue);
  const shown = (v: unknown) => (v === undefined || v === null || v === '' ? t('empty') : labelOf(schema, v));
  if (correcting || changed) {
    return (
      <>
        {children}
        <div className="verify-note">
          {t('correctedFrom', { value: shown(registryValue) })}
          <button type="button" className="link" onClick={() => session.restore(fieldKey)}>{t('restore')}</button>
        </div>
      </>
    );
  }
  return (
    <div className="verify">
      <output className="registry-value">{shown(value)}</output>
      <div className="verify-actions">
        <button type="button" className={confirmed ? 'chosen' : ''} aria-pressed={confirmed} onClick={() => session.confirm(fieldKey)}>
          {confirmed ? `✓ ${t('verified')}` : t('verify')}
        </button>
        <button type="button" onClick={() => session.correct(fieldKey)}>{t('correct')}</button>
      </div>
    </div>
  );
}
