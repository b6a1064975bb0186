// The form as a tree: its sections in order, the fields of each, a table's columns under it.
// Selecting a node opens it in the editor; the selected node can be moved up or down (a field
// crosses into the next section at the edge), duplicated or deleted; each section and table
// has its own "add". Badges say what a field has: required, computed, a condition, problems.
import type { FormDefinition } from '@engine';
import { t } from '../../../i18n/tAdmin';
import { useBuilder, type Selection } from './BuilderContext';
import { fieldKeys, fieldSchema, isRequired, isTable, uiOf } from './model/fieldPaths';
import { FIELD_TYPE_LABELS, fieldTypeOf } from './model/fieldTypes';
import { readsField } from './model/renameRefs';
import { addField, addSection, duplicateField, moveField, moveSection, removeField, removeSection } from './model/structure';

/** Rules elsewhere that read a field: the administrator is told before deleting it. */
function usersOf(definition: FormDefinition, key: string): string[] {
  const rules = definition.rules ?? {};
  const out: string[] = [];
  const title = (k: string | undefined) => (k ? String(fieldSchema(definition, k)?.title ?? k) : '');
  for (const r of rules.computed ?? []) if (r.field !== key && readsField(r.value, key)) out.push(t('ad_usedByComputed', { title: title(r.field) }));
  for (const r of rules.visibility ?? []) if (r.field !== key && readsField(r.when, key)) out.push(t('ad_usedByCondition', { title: r.field ? title(r.field) : r.section ?? '' }));
  for (const r of rules.validations ?? []) if (r.field !== key && (readsField(r.assert, key) || readsField(r.when, key))) out.push(t('ad_usedByCheck', { id: r.id }));
  return out;
}

function NodeActions({ label, onUp, onDown, onCopy, onDelete }: { label: string; onUp(): void; onDown(): void; onCopy?(): void; onDelete(): void }) {
  return (
    <span className="node-actions">
      <button type="button" aria-label={t('ad_moveUp', { name: label })} onClick={onUp}>↑</button>
      <button type="button" aria-label={t('ad_moveDown', { name: label })} onClick={onDown}>↓</button>
      {onCopy ? <button type="button" aria-label={t('ad_duplicate', { name: label })} onClick={onCopy}>{t('ad_copyShort')}</button> : null}
      <button type="button" aria-label={t('ad_delete', { name: label })} onClick={onDelete}>{t('ad_remove')}</button>
    </span>
  );
}

function FieldNode({ fieldKey }: { fieldKey: string }) {
  const { definition, change, selection, select, problems } = useBuilder();
  const schema = fieldSchema(definition, fieldKey);
  if (!schema) return null;
  const label = String(schema.title ?? fieldKey);
  const selected = selection.kind === 'field' && selection.key === fieldKey;
  const type = fieldTypeOf(schema, uiOf(definition, fieldKey));
  const count = (problems.get(`field:${fieldKey}`) ?? []).filter((p) => p.severity === 'error').length;
  const computed = (definition.rules?.computed ?? []).some((r) => r.field === fieldKey);
  const conditional = (definition.rules?.visibility ?? []).some((r) => r.field === fieldKey);
  const remove = () => {
    const users = usersOf(definition, fieldKey);
    const question = users.length > 0 ? t('ad_confirmDeleteUsed', { name: label, users: users.join('；') }) : t('ad_confirmDelete', { name: label });
    if (!window.confirm(question)) return;
    change((d) => removeField(d, fieldKey));
    select({ kind: 'form' });
  };
  return (
    <li className={`tree-node${selected ? ' selected' : ''}`}>
      <button type="button" className="node-label" aria-current={selected ? 'true' : undefined} onClick={() => select({ kind: 'field', key: fieldKey })}>
        <span className="node-title">{label}</span>
        <span className="node-type">{FIELD_TYPE_LABELS[type]}</span>
        {isRequired(definition, fieldKey) ? <span className="node-badge">{t('required')}</span> : null}
        {computed ? <span className="node-badge">{t('ad_badgeComputed')}</span> : null}
        {conditional ? <span className="node-badge">{t('ad_badgeConditional')}</span> : null}
        {count > 0 ? <span className="node-badge error">{t('ad_badgeProblems', { n: count })}</span> : null}
      </button>
      {selected ? (
        <NodeActions label={label}
          onUp={() => change((d) => moveField(d, fieldKey, -1))}
          onDown={() => change((d) => moveField(d, fieldKey, 1))}
          onCopy={() => select({ kind: 'field', key: change((d) => duplicateField(d, fieldKey)) })}
          onDelete={remove} />
      ) : null}
      {isTable(schema) ? (
        <ul className="tree-children" aria-label={t('ad_columnsOf', { name: label })}>
          {fieldKeys(definition, fieldKey).map((k) => <FieldNode key={k} fieldKey={k} />)}
          <li><AddButton label={t('ad_addColumn')} onAdd={() => select({ kind: 'field', key: change((d) => addField(d, { table: fieldKey }, 'text')) })} /></li>
        </ul>
      ) : null}
    </li>
  );
}

function AddButton({ label, onAdd }: { label: string; onAdd(): void }) {
  return <button type="button" className="add-node" onClick={onAdd}>＋ {label}</button>;
}

export function FormTree() {
  const { definition, change, selection, select, problems } = useBuilder();
  const sections = definition.sections ?? [];
  const placed = new Set(sections.flatMap((s) => s.fields));
  const loose = fieldKeys(definition, null).filter((k) => !placed.has(k));
  const addTo = (sectionId: string | undefined) => select({ kind: 'field', key: change((d) => addField(d, sectionId ? { section: sectionId } : {}, 'text')) });
  const isSelected = (s: Selection) => JSON.stringify(s) === JSON.stringify(selection);
  return (
    <nav className="form-tree" aria-label={t('ad_formTree')}>
      <button type="button" className={`node-label form-node${isSelected({ kind: 'form' }) ? ' selected' : ''}`} onClick={() => select({ kind: 'form' })}>
        {t('ad_formSettings')}
        {(problems.get('form') ?? []).some((p) => p.severity === 'error') ? <span className="node-badge error">!</span> : null}
      </button>
      <ul className="tree-sections">
        {sections.map((section) => {
          const selected = isSelected({ kind: 'section', id: section.id });
          const count = (problems.get(`section:${section.id}`) ?? []).filter((p) => p.severity === 'error').length;
          return (
            <li key={section.id} className={`tree-section${selected ? ' selected' : ''}`}>
              <button type="button" className="node-label section-label" aria-current={selected ? 'true' : undefined} onClick={() => select({ kind: 'section', id: section.id })}>
                {section.title}
                {(definition.rules?.visibility ?? []).some((r) => r.section === section.id) ? <span className="node-badge">{t('ad_badgeConditional')}</span> : null}
                {count > 0 ? <span className="node-badge error">{t('ad_badgeProblems', { n: count })}</span> : null}
              </button>
              {selected ? (
                <NodeActions label={section.title}
                  onUp={() => change((d) => moveSection(d, section.id, -1))}
                  onDown={() => change((d) => moveSection(d, section.id, 1))}
                  onDelete={() => {
                    if (!window.confirm(t('ad_confirmDeleteSection', { name: section.title, n: section.fields.length }))) return;
                    change((d) => removeSection(d, section.id));
                    select({ kind: 'form' });
                  }} />
              ) : null}
              <ul className="tree-children" aria-label={t('ad_fieldsOf', { name: section.title })}>
                {section.fields.map((key) => <FieldNode key={key} fieldKey={key} />)}
                <li><AddButton label={t('ad_addField')} onAdd={() => addTo(section.id)} /></li>
              </ul>
            </li>
          );
        })}
        {loose.length > 0 || sections.length === 0 ? (
          <li className="tree-section">
            <span className="section-label muted">{sections.length === 0 ? t('ad_allFields') : t('ad_looseFields')}</span>
            <ul className="tree-children">
              {loose.map((key) => <FieldNode key={key} fieldKey={key} />)}
              {sections.length === 0 ? <li><AddButton label={t('ad_addField')} onAdd={() => addTo(undefined)} /></li> : null}
            </ul>
          </li>
        ) : null}
      </ul>
      <AddButton label={t('ad_addSection')} onAdd={() => select({ kind: 'section', id: change((d) => addSection(d)) })} />
    </nav>
  );
}

