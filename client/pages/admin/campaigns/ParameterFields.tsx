// A campaign's parameters as typed inputs: each parameter its forms declare (the income line as a
// number, the income period and reference date as dates, months as months), with the forms that
// use it; parameters no form declares are kept and may be removed. A parameter a clone left to
// confirm is marked 待确认 with a button to confirm it (changing its value confirms it too).
import type { CampaignParameters, ParameterDeclarationInfo } from '../../../api/types';
import { t } from '../../../i18n/tAdmin';

/** What is left to confirm, and what has been confirmed on this page (sent with the save). */
export interface Marks {
  unconfirmed: string[];
  confirmed: string[];
  onConfirm(key: string): void;
}

interface Props {
  declarations: Record<string, ParameterDeclarationInfo>;
  value: CampaignParameters;
  onChange(next: CampaignParameters): void;
  marks?: Marks;
}

/** 待确认 and its button, or 已确认 once pressed, for one item a clone left to confirm. */
export function ConfirmMark({ item, marks }: { item: string; marks?: Marks }) {
  if (!marks?.unconfirmed.includes(item)) return null;
  if (marks.confirmed.includes(item)) return <span className="badge status-approved">{t('ad_confirmedOnSave')}</span>;
  return (
    <span className="confirm-mark">
      <span className="badge status-submitted">{t('ad_unconfirmed')}</span>{' '}
      <button type="button" onClick={() => marks.onConfirm(item)}>{t('ad_confirm')}</button>
    </span>
  );
}

const INPUT_TYPES = { number: 'number', date: 'date', 'year-month': 'month', string: 'text' } as const;

export function ParameterFields({ declarations, value, onChange, marks }: Props) {
  const set = (name: string, raw: string, type: keyof typeof INPUT_TYPES) => {
    const next = { ...value };
    if (raw === '') delete next[name];
    else next[name] = type === 'number' ? Number(raw) : raw;
    onChange(next);
  };
  const extra = Object.keys(value).filter((name) => !declarations[name]);
  return (
    <div className="parameter-fields">
      {Object.entries(declarations).map(([name, d]) => (
        <label key={name}>
          <span>{d.title} <span className="muted">（{name}）</span></span>
          <input
            type={INPUT_TYPES[d.type]} step={d.type === 'number' ? 'any' : undefined}
            value={value[name] === undefined ? '' : String(value[name])}
            onChange={(e) => set(name, e.target.value, d.type)}
            aria-invalid={value[name] === undefined}
          />
          <span className="field-note">{t('ad_paramUsedBy', { forms: d.forms.join('、') })}{d.description ? `；${d.description}` : ''}</span>
          <ConfirmMark item={`parameters.${name}`} marks={marks} />
        </label>
      ))}
      {Object.keys(declarations).length === 0 ? <p className="muted">{t('ad_noParameters')}</p> : null}
      {extra.map((name) => (
        <label key={name}>
          <span>{name} <span className="muted">{t('ad_paramUndeclared')}</span></span>
          <span className="inline-input">
            <input value={String(value[name] ?? '')} onChange={(e) => {
              const raw = e.target.value;
              onChange({ ...value, [name]: /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw });
            }} />
            <button type="button" onClick={() => { const next = { ...value }; delete next[name]; onChange(next); }}>{t('ad_remove')}</button>
          </span>
          <ConfirmMark item={`parameters.${name}`} marks={marks} />
        </label>
      ))}
    </div>
  );
}
