// What a photo, signature or location field lets the administrator set, without JSON: how many
// photos (one, or several up to a number: an array with maxItems) and how they are compressed
// (ui:options maxSide and quality), who signs (ui:options signer: 户主 or 信息采集员).
import type { JsonSchema } from '@engine';
import { t } from '../../../i18n/tAdmin';
import type { UiNode } from './model/fieldPaths';

interface Props {
  type: 'photo' | 'signature' | 'location';
  schema: JsonSchema;
  ui: UiNode;
  onChange(schema: JsonSchema): void;
  onUi(ui: UiNode): void;
}

const KEEP = ['title', 'description', 'readOnly'];

/** One photo (a string) or up to `count` (an array with maxItems). */
export function photoSchemaFor(count: number, previous: JsonSchema): JsonSchema {
  const base = Object.fromEntries(KEEP.filter((k) => previous[k] !== undefined).map((k) => [k, previous[k]]));
  if (count <= 1) return { type: 'string', ...base, format: 'photo' };
  return { type: 'array', ...base, items: { type: 'string', format: 'photo' }, maxItems: count };
}

/** The node with one ui:options entry set, or removed (undefined); an empty ui:options goes too. */
function withOption(ui: UiNode, name: string, value: unknown): UiNode {
  const options: UiNode = { ...((ui['ui:options'] ?? {}) as UiNode) };
  if (value === undefined) delete options[name];
  else options[name] = value;
  const node: UiNode = { ...ui, 'ui:options': options };
  if (Object.keys(options).length === 0) delete node['ui:options'];
  return node;
}

function OptionNumber({ label, name, ui, onUi, step, placeholder }: { label: string; name: string; ui: UiNode; onUi(ui: UiNode): void; step: number; placeholder: string }) {
  const options = (ui['ui:options'] ?? {}) as UiNode;
  const value = options[name];
  return (
    <label>{label}
      <input type="number" step={step} placeholder={placeholder} value={typeof value === 'number' ? value : ''}
        onChange={(e) => onUi(withOption(ui, name, e.target.value === '' ? undefined : Number(e.target.value)))} />
    </label>
  );
}

export function EvidenceSettings({ type, schema, ui, onChange, onUi }: Props) {
  if (type === 'location') return <p className="field-note">{t('ad_locationHint')}</p>;
  if (type === 'signature') {
    const options = (ui['ui:options'] ?? {}) as UiNode;
    return (
      <label>{t('ad_signer')}
        <select value={typeof options.signer === 'string' ? options.signer : ''} onChange={(e) => onUi(withOption(ui, 'signer', e.target.value || undefined))}>
          <option value="">{t('ad_signerNone')}</option>
          <option value="household">{t('ad_signerHousehold')}</option>
          <option value="officer">{t('ad_signerOfficer')}</option>
        </select>
      </label>
    );
  }
  const count = schema.type === 'array' ? (typeof schema.maxItems === 'number' ? schema.maxItems : 10) : 1;
  return (
    <div className="settings-row">
      <label>{t('ad_photoCount')}
        <input type="number" min={1} max={20} step={1} value={count} onChange={(e) => {
          const n = Math.max(1, Math.min(20, Math.round(Number(e.target.value) || 1)));
          onChange(photoSchemaFor(n, schema));
        }} />
      </label>
      <OptionNumber label={t('ad_photoMaxSide')} name="maxSide" ui={ui} onUi={onUi} step={100} placeholder="1600" />
      <OptionNumber label={t('ad_photoQuality')} name="quality" ui={ui} onUi={onUi} step={0.05} placeholder="0.75" />
      <p className="field-note">{t('ad_photoHint')}</p>
    </div>
  );
}
