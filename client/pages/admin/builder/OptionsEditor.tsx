// A choice field's options as an editable list: add, move, delete, rename; with codes when the
// seed numbers its options (the value is the code, "1" 新生儿); and a box to paste a column
// copied from Excel (one option per line, "1<Tab>新生儿" as code and label) that fills the list.
import { useState } from 'react';
import type { JsonSchema } from '@engine';
import { t } from '../../../i18n/tAdmin';
import { optionListOf, parsePastedOptions, withOptions, type OptionList } from './model/options';

interface Props {
  schema: JsonSchema;
  onChange(schema: JsonSchema): void;
}

export function OptionsEditor({ schema, onChange }: Props) {
  const list = optionListOf(schema);
  const [pasted, setPasted] = useState('');
  const set = (next: OptionList) => onChange(withOptions(schema, next));
  const setOption = (i: number, patch: Partial<OptionList['options'][number]>) =>
    set({ ...list, options: list.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const move = (i: number, d: -1 | 1) => {
    const options = [...list.options];
    const j = i + d;
    if (j < 0 || j >= options.length) return;
    [options[i], options[j]] = [options[j]!, options[i]!];
    set({ ...list, options });
  };
  const labels = list.options.map((o) => o.label.trim());
  const duplicate = labels.find((l, i) => l !== '' && labels.indexOf(l) !== i);
  return (
    <fieldset className="options-editor">
      <legend>{t('ad_options')}</legend>
      <label className="check">
        <input type="checkbox" checked={list.coded} onChange={(e) => set({
          coded: e.target.checked,
          options: list.options.map((o, i) => ({ ...o, code: e.target.checked ? o.code || String(i + 1) : '' })),
        })} />
        {t('ad_optionsCoded')}
      </label>
      <ol className="option-rows">
        {list.options.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: option rows are edited in place (code and label may be blank or repeated while typing) and have no id; the inputs are controlled, so an index key shows no stale value.
          <li key={i}>
            {list.coded ? <input className="option-code" aria-label={t('ad_optionCode', { n: i + 1 })} value={o.code} onChange={(e) => setOption(i, { code: e.target.value })} /> : null}
            <input aria-label={t('ad_optionLabel', { n: i + 1 })} value={o.label} onChange={(e) => setOption(i, { label: e.target.value })} />
            <button type="button" aria-label={t('ad_optionUp', { n: i + 1 })} onClick={() => move(i, -1)} disabled={i === 0}>↑</button>
            <button type="button" aria-label={t('ad_optionDown', { n: i + 1 })} onClick={() => move(i, 1)} disabled={i === list.options.length - 1}>↓</button>
            <button type="button" aria-label={t('ad_optionRemove', { n: i + 1 })} onClick={() => set({ ...list, options: list.options.filter((_, j) => j !== i) })}>×</button>
          </li>
        ))}
      </ol>
      {duplicate ? <p className="formula-error" role="alert">{t('ad_optionDuplicate', { label: duplicate })}</p> : null}
      {labels.some((l) => l === '') ? <p className="formula-error" role="alert">{t('ad_optionEmpty')}</p> : null}
      <button type="button" onClick={() => set({ ...list, options: [...list.options, { code: list.coded ? String(list.options.length + 1) : '', label: '' }] })}>{t('ad_addOption')}</button>
      <label className="paste-box">{t('ad_pasteOptions')}
        <textarea value={pasted} rows={4} placeholder={t('ad_pastePlaceholder')} onChange={(e) => setPasted(e.target.value)} />
      </label>
      <button type="button" disabled={pasted.trim() === ''} onClick={() => { set(parsePastedOptions(pasted)); setPasted(''); }}>{t('ad_usePasted')}</button>
    </fieldset>
  );
}
