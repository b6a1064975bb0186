// What each kind of field lets the administrator set: lengths and a pattern for text, bounds and
// whole numbers for numbers, the options of a choice, which ID numbers or phones are accepted,
// how many rows a table has, how many photos and who signs (EvidenceSettings). Empty means no limit (the keyword is removed).
import type { JsonSchema } from '@engine';
import { t } from '../../../i18n/tAdmin';
import { EvidenceSettings } from './EvidenceSettings';
import type { UiNode } from './model/fieldPaths';
import type { FieldType } from './model/fieldTypes';
import { OptionsEditor } from './OptionsEditor';

interface Props {
  type: FieldType;
  schema: JsonSchema;
  onChange(schema: JsonSchema): void;
  /** The field's uiSchema node (photo and signature settings live in its ui:options). */
  ui: UiNode;
  onUi(ui: UiNode): void;
}

function NumberSetting({ label, keyword, schema, onChange, integer = false }: { label: string; keyword: string; schema: JsonSchema; onChange(s: JsonSchema): void; integer?: boolean }) {
  const value = schema[keyword];
  return (
    <label>{label}
      <input type="number" step={integer ? 1 : 'any'} value={typeof value === 'number' ? value : ''} onChange={(e) => {
        const next = { ...schema };
        if (e.target.value === '') delete next[keyword];
        else next[keyword] = Number(e.target.value);
        onChange(next);
      }} />
    </label>
  );
}

export function TypeSettings({ type, schema, onChange, ui, onUi }: Props) {
  switch (type) {
    case 'photo':
    case 'signature':
    case 'location':
      return <EvidenceSettings type={type} schema={schema} ui={ui} onChange={onChange} onUi={onUi} />;
    case 'text':
    case 'textarea':
      return (
        <div className="settings-row">
          <NumberSetting label={t('ad_minLength')} keyword="minLength" schema={schema} onChange={onChange} integer />
          <NumberSetting label={t('ad_maxLength')} keyword="maxLength" schema={schema} onChange={onChange} integer />
          {type === 'text' ? (
            <label>{t('ad_pattern')}
              <input value={typeof schema.pattern === 'string' ? schema.pattern : ''} placeholder="^\d{6}$" onChange={(e) => {
                const next = { ...schema };
                if (e.target.value === '') delete next.pattern;
                else next.pattern = e.target.value;
                onChange(next);
              }} />
            </label>
          ) : null}
        </div>
      );
    case 'number':
    case 'money':
      return (
        <div className="settings-row">
          <NumberSetting label={t('ad_minimum')} keyword="minimum" schema={schema} onChange={onChange} />
          <NumberSetting label={t('ad_maximum')} keyword="maximum" schema={schema} onChange={onChange} />
          {type === 'number' ? (
            <label className="check">
              <input type="checkbox" checked={schema.type === 'integer'} onChange={(e) => onChange({ ...schema, type: e.target.checked ? 'integer' : 'number' })} />
              {t('ad_integer')}
            </label>
          ) : null}
        </div>
      );
    case 'choice':
    case 'multi':
      return <OptionsEditor schema={schema} onChange={onChange} />;
    case 'id':
      return (
        <label>{t('ad_idAccepts')}
          <select value={String(schema.format)} onChange={(e) => onChange({ ...schema, format: e.target.value })}>
            <option value="id-number">{t('ad_idNumber')}</option>
            <option value="resident-id">{t('ad_residentId')}</option>
          </select>
        </label>
      );
    case 'phone':
      return (
        <label>{t('ad_phoneAccepts')}
          <select value={String(schema.format)} onChange={(e) => onChange({ ...schema, format: e.target.value })}>
            <option value="phone">{t('ad_anyPhone')}</option>
            <option value="mobile-phone">{t('ad_mobileOnly')}</option>
          </select>
        </label>
      );
    case 'table':
      return (
        <div className="settings-row">
          <NumberSetting label={t('ad_minRows')} keyword="minItems" schema={schema} onChange={onChange} integer />
          <NumberSetting label={t('ad_maxRows')} keyword="maxItems" schema={schema} onChange={onChange} integer />
          <p className="field-note">{t('ad_tableColumnsHint')}</p>
        </div>
      );
    default:
      return null;
  }
}
