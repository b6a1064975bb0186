// One field (or a table's column), edited as the administrator thinks of it: its code and label,
// the help text, its type and what the type allows, required, read-only with a formula (a
// computed field), where it is pre-filled from in the household registry, when it is shown, its
// checks — and the checker's problems about it, right here.
import { useEffect, useId, useState } from 'react';
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS, type JsonSchema } from '@engine';
import { t } from '../../../i18n/tAdmin';
import { ProblemList } from '../components/ProblemList';
import { useBuilder } from './BuilderContext';
import { ChecksEditor } from './ChecksEditor';
import { ConditionEditor } from './ConditionEditor';
import { FormulaInput } from './FormulaInput';
import {
  FIELD_CODE, fieldKeys, fieldSchema, holderOf, isRequired, joinTitle, setRequired, setUi, splitKey, splitTitle, uiOf,
} from './model/fieldPaths';
import { FIELD_TYPE_LABELS, FIELD_TYPES, fieldTypeOf, schemaForType, uiForType, type FieldType } from './model/fieldTypes';
import { prefillOf, setPrefill } from './model/prefill';
import { computedOf, setComputed, setVisibility, visibilityOf } from './model/rules';
import { moveFieldToSection, renameField, sectionOf } from './model/structure';
import { TypeSettings } from './TypeSettings';

function CodeInput({ fieldKey }: { fieldKey: string }) {
  const { definition, change, select } = useBuilder();
  const { table, name } = splitKey(fieldKey);
  const [code, setCode] = useState(name);
  const id = useId();
  useEffect(() => setCode(name), [name]);
  const taken = fieldKeys(definition, table).map((k) => splitKey(k).name).filter((n) => n !== name);
  const problem = !FIELD_CODE.test(code) ? t('ad_codeRule') : taken.includes(code) ? t('ad_codeTaken', { code }) : null;
  const commit = () => {
    if (problem || code === name) return;
    change((d) => void renameField(d, fieldKey, code));
    select({ kind: 'field', key: table ? `${table}.${code}` : code });
  };
  return (
    <div className="labelled">
      <label htmlFor={id}>{t('ad_fieldCode')}</label>
      <input id={id} value={code} aria-invalid={problem !== null} onChange={(e) => setCode(e.target.value.trim())} onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } }} />
      {problem ? <span className="field-note error" role="alert">{problem}</span> : <span className="field-note">{t('ad_codeHint')}</span>}
    </div>
  );
}

export function FieldEditor({ fieldKey }: { fieldKey: string }) {
  const { definition, change, scope, problems } = useBuilder();
  const schema = fieldSchema(definition, fieldKey);
  if (!schema) return <p className="muted">{t('ad_fieldGone')}</p>;
  const { table, name } = splitKey(fieldKey);
  const ui = uiOf(definition, fieldKey);
  const type = fieldTypeOf(schema, ui);
  const title = splitTitle(name, schema.title as string | undefined);
  const computed = computedOf(definition, fieldKey);
  const readOnly = schema.readOnly === true;
  const prefill = prefillOf(definition, fieldKey);
  const fieldScope = scope(table);

  const setSchema = (next: JsonSchema) => change((d) => {
    const holder = holderOf(d, table)!;
    (holder.properties as Record<string, JsonSchema>)[name] = next;
  });
  const setType = (next: FieldType) => change((d) => {
    const holder = holderOf(d, table)!;
    const properties = holder.properties as Record<string, JsonSchema>;
    properties[name] = schemaForType(next, properties[name]!);
    setUi(d, fieldKey, uiForType(next, uiOf(d, fieldKey)));
  });
  const setHelp = (help: string) => change((d) => {
    const node = { ...uiOf(d, fieldKey) };
    if (help.trim()) node['ui:help'] = help;
    else delete node['ui:help'];
    setUi(d, fieldKey, node);
  });
  const setReadOnly = (on: boolean) => change((d) => {
    const holder = holderOf(d, table)!;
    const s = (holder.properties as Record<string, JsonSchema>)[name]!;
    if (on) {
      s.readOnly = true;
      // The "≥ 0" the money type gave a typed amount is not the formula's to keep (see schemaForType).
      if (type === 'money' && s.minimum === 0) delete s.minimum;
    } else {
      delete s.readOnly;
      setComputed(d, fieldKey, undefined);
    }
  });
  const householdOptions = table
    ? Object.entries(MEMBER_FIELDS)
    : Object.entries(HOUSEHOLD_FIELDS).filter(([k]) => (type === 'table' ? k === 'members' : k !== 'members'));

  return (
    <section className="field-editor" aria-label={t('ad_fieldEditorOf', { title: String(schema.title ?? name) })}>
      <h2>{String(schema.title ?? name)}</h2>
      <ProblemList problems={problems.get(`field:${fieldKey}`) ?? []} label={t('ad_fieldProblems')} />
      <div className="editor-grid">
        <CodeInput key={fieldKey} fieldKey={fieldKey} />
        <label>{t('ad_fieldLabel')}
          <input value={title.label} onChange={(e) => setSchema({ ...schema, title: joinTitle(name, e.target.value, title.withCode) })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={title.withCode} onChange={(e) => setSchema({ ...schema, title: joinTitle(name, title.label, e.target.checked) })} />
          {t('ad_titleWithCode')}
        </label>
        <label className="wide-field">{t('ad_help')}
          <textarea rows={2} value={typeof ui['ui:help'] === 'string' ? ui['ui:help'] : ''} onChange={(e) => setHelp(e.target.value)} placeholder={t('ad_helpPlaceholder')} />
        </label>
        {!table && definition.sections?.length ? (
          <label>{t('ad_fieldSection')}
            <select value={sectionOf(definition, fieldKey)?.id ?? ''} onChange={(e) => change((d) => moveFieldToSection(d, fieldKey, e.target.value))}>
              {sectionOf(definition, fieldKey) ? null : <option value="">{t('ad_looseFields')}</option>}
              {definition.sections.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
            </select>
          </label>
        ) : null}
        <label>{t('ad_fieldType')}
          <select value={type} onChange={(e) => setType(e.target.value as FieldType)}>
            {FIELD_TYPES.filter((ft) => !(table && ft === 'table')).map((ft) => <option key={ft} value={ft}>{FIELD_TYPE_LABELS[ft]}</option>)}
            {type === 'other' ? <option value="other">{FIELD_TYPE_LABELS.other}</option> : null}
          </select>
        </label>
      </div>
      <TypeSettings type={type} schema={schema} onChange={setSchema} ui={ui} onUi={(node) => change((d) => setUi(d, fieldKey, node))} />
      <fieldset>
        <legend>{t('ad_fillingRules')}</legend>
        <label className="check">
          <input type="checkbox" checked={isRequired(definition, fieldKey)} onChange={(e) => change((d) => setRequired(d, fieldKey, e.target.checked))} />
          {t('ad_required')}
        </label>
        <label className="check">
          <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
          {t('ad_readOnly')}
        </label>
        {readOnly && type !== 'table' ? (
          <FormulaInput id={`computed:${fieldKey}`} label={t('ad_computedFormula')} logic={computed} scope={fieldScope} optional
            placeholder={t('ad_computedPlaceholder')} onChange={(value) => change((d) => setComputed(d, fieldKey, value))} />
        ) : null}
        <div className="settings-row">
          <label>{t(table ? 'ad_prefillFromMember' : 'ad_prefillFrom')}
            <select value={prefill.from} onChange={(e) => change((d) => setPrefill(d, fieldKey, { ...prefill, from: e.target.value }))}>
              <option value="">{t('ad_noPrefill')}</option>
              {householdOptions.map(([k, f]) => <option key={k} value={k}>{f.title}</option>)}
            </select>
          </label>
          {!table && prefill.from && prefill.from !== 'members' ? (
            <label className="check">
              <input type="checkbox" checked={prefill.verify} onChange={(e) => change((d) => setPrefill(d, fieldKey, { ...prefill, verify: e.target.checked }))} />
              {t('ad_verifyOnly')}
            </label>
          ) : null}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('ad_visibility')}</legend>
        <ConditionEditor key={`visibility:${fieldKey}`} id={`visibility:${fieldKey}`} target={fieldKey} logic={visibilityOf(definition, { field: fieldKey })}
          scope={fieldScope} onChange={(when) => change((d) => setVisibility(d, { field: fieldKey }, when))} />
      </fieldset>
      <fieldset>
        <legend>{t('ad_checks')}</legend>
        <ChecksEditor key={fieldKey} fieldKey={fieldKey} title={String(schema.title ?? name)} scope={fieldScope} />
      </fieldset>
    </section>
  );
}
