// The form's structure as the builder's tree edits it: sections, the fields in them, a table's
// columns. Add, move, duplicate, rename and delete keep every part of the definition in step —
// schema properties (their order follows the sections, so exports read in the same order),
// required lists, sections, uiSchema, rules, pre-fill. Functions mutate the definition they are
// given (the builder clones the draft first).
import type { FormDefinition, JsonSchema, Section } from '@engine';
import {
  fieldKeys, fieldSchema, holderOf, isRequired, joinTitle, looksLikeSeedCode, propertiesOf, setRequired, setUi, splitKey, splitTitle, uiOf,
  type UiNode,
} from './fieldPaths';
import { schemaForType, uiForType, type FieldType } from './fieldTypes';
import { renameInLogic, renameInText } from './renameRefs';

/** Rebuilds an object with `key` placed after `after` (or at the end). */
function placeAfter<T>(record: Record<string, T>, key: string, value: T, after: string | null): Record<string, T> {
  const out: Record<string, T> = {};
  if (after === null || !(after in record)) {
    for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v;
    out[key] = value;
    return out;
  }
  for (const [k, v] of Object.entries(record)) {
    if (k === key) continue;
    out[k] = v;
    if (k === after) out[key] = value;
  }
  return out;
}

export function sectionOf(definition: FormDefinition, key: string): Section | null {
  return (definition.sections ?? []).find((s) => s.fields.includes(key)) ?? null;
}

/** Root properties in the sections' order (fields in no section keep their place after them). */
export function syncPropertyOrder(definition: FormDefinition): void {
  if (!definition.sections?.length) return;
  const properties = propertiesOf(definition.schema);
  const ordered: Record<string, JsonSchema> = {};
  for (const s of definition.sections) for (const f of s.fields) if (properties[f]) ordered[f] = properties[f];
  for (const [k, v] of Object.entries(properties)) if (!(k in ordered)) ordered[k] = v;
  definition.schema.properties = ordered;
}

/** The next free code near a field: after A12 comes A13 (or A14 if A13 is taken); a table's columns C1, C2… */
export function nextCode(definition: FormDefinition, table: string | null, near: string | null): string {
  const taken = new Set(fieldKeys(definition, table).map((k) => splitKey(k).name.toLowerCase()));
  const nearName = near ? splitKey(near).name : null;
  const match = nearName ? /^([A-Za-z]+)(\d+)[a-z]?$/.exec(nearName) : null;
  const [prefix, start] = match ? [match[1]!, Number(match[2])] : [table ? 'C' : 'F', 0];
  for (let n = start + 1; ; n++) if (!taken.has(`${prefix}${n}`.toLowerCase())) return `${prefix}${n}`;
}

export interface Place {
  /** A top-level field goes into this section (default: none, or the last section). */
  section?: string;
  /** A column goes into this table. */
  table?: string;
  /** After this field's key (default: at the end). */
  after?: string;
}

export function addField(definition: FormDefinition, place: Place, type: FieldType, label = '新字段'): string {
  const table = place.table ?? null;
  const section = table ? null : (definition.sections ?? []).find((s) => s.id === place.section) ?? definition.sections?.at(-1) ?? null;
  const after = place.after ?? (section ? section.fields.at(-1) ?? null : fieldKeys(definition, table).at(-1) ?? null);
  const name = nextCode(definition, table, after);
  const key = table ? `${table}.${name}` : name;
  const schema = schemaForType(type, { title: joinTitle(name, label, true) });
  const holder = holderOf(definition, table)!;
  holder.properties = placeAfter(propertiesOf(holder), name, schema, after ? splitKey(after).name : null);
  const ui = uiForType(type, {});
  if (Object.keys(ui).length > 0) setUi(definition, key, ui);
  if (section) {
    const at = after ? section.fields.indexOf(after) : -1;
    section.fields.splice(at < 0 ? section.fields.length : at + 1, 0, key);
    syncPropertyOrder(definition);
  }
  return key;
}

/** Rules, pre-fill and sections that would be left pointing at a deleted field. */
function dropTargets(definition: FormDefinition, key: string): void {
  const gone = (field: string | undefined) => field !== undefined && (field === key || field.startsWith(`${key}.`));
  const rules = definition.rules;
  if (rules) {
    if (rules.visibility) rules.visibility = rules.visibility.filter((r) => !gone(r.field));
    if (rules.computed) rules.computed = rules.computed.filter((r) => !gone(r.field));
    if (rules.validations) rules.validations = rules.validations.filter((r) => !gone(r.field));
    for (const k of ['visibility', 'computed', 'validations'] as const) if (rules[k]?.length === 0) delete rules[k];
    if (Object.keys(rules).length === 0) delete definition.rules;
  }
  const { table, name } = splitKey(key);
  const prefill = definition.registry?.prefill;
  if (prefill) {
    definition.registry!.prefill = prefill.filter((p) => !gone(p.field));
    if (table) {
      for (const p of definition.registry!.prefill!) if (p.field === table && p.columns) delete p.columns[name];
    }
  }
  for (const s of definition.sections ?? []) s.fields = s.fields.filter((f) => f !== key);
}

export function removeField(definition: FormDefinition, key: string): void {
  const { table, name } = splitKey(key);
  const holder = holderOf(definition, table);
  if (!holder) return;
  setRequired(definition, key, false);
  delete propertiesOf(holder)[name];
  setUi(definition, key, {});
  dropTargets(definition, key);
}

export function moveField(definition: FormDefinition, key: string, direction: -1 | 1): void {
  const { table, name } = splitKey(key);
  const section = table ? null : sectionOf(definition, key);
  if (section) {
    const sections = definition.sections!;
    const i = section.fields.indexOf(key);
    const j = i + direction;
    if (j >= 0 && j < section.fields.length) {
      [section.fields[i], section.fields[j]] = [section.fields[j]!, section.fields[i]!];
    } else {
      const neighbour = sections[sections.indexOf(section) + direction];
      if (!neighbour) return;
      section.fields.splice(i, 1);
      if (direction < 0) neighbour.fields.push(key);
      else neighbour.fields.unshift(key);
    }
    syncPropertyOrder(definition);
    return;
  }
  const holder = holderOf(definition, table)!;
  const entries = Object.entries(propertiesOf(holder));
  const i = entries.findIndex(([k]) => k === name);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= entries.length) return;
  [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  holder.properties = Object.fromEntries(entries);
}

export function moveFieldToSection(definition: FormDefinition, key: string, sectionId: string): void {
  const target = definition.sections?.find((s) => s.id === sectionId);
  if (!target || target.fields.includes(key)) return;
  for (const s of definition.sections!) s.fields = s.fields.filter((f) => f !== key);
  target.fields.push(key);
  syncPropertyOrder(definition);
}

/** Every rule, message and help text with a rename applied. */
function renameEverywhere(definition: FormDefinition, from: string, to: string): void {
  const target = (field: string | undefined) => {
    if (field === undefined) return undefined;
    if (field === from) return to;
    if (field.startsWith(`${from}.`)) return to + field.slice(from.length);
    return field;
  };
  const rules = definition.rules;
  for (const r of rules?.visibility ?? []) {
    if (r.field !== undefined) r.field = target(r.field);
    r.when = renameInLogic(r.when, from, to);
  }
  for (const r of rules?.computed ?? []) {
    r.field = target(r.field)!;
    r.value = renameInLogic(r.value, from, to);
  }
  for (const r of rules?.validations ?? []) {
    r.field = target(r.field)!;
    if (r.when !== undefined) r.when = renameInLogic(r.when, from, to);
    r.assert = renameInLogic(r.assert, from, to);
    r.message = renameInText(r.message, from, to);
  }
  for (const s of definition.sections ?? []) {
    s.fields = s.fields.map((f) => target(f)!);
    if (s.description) s.description = renameInText(s.description, from, to);
  }
  const { table, name } = splitKey(from);
  const newName = splitKey(to).name;
  for (const p of definition.registry?.prefill ?? []) {
    p.field = target(p.field)!;
    if (table && p.field === table && p.columns && name in p.columns) {
      p.columns = Object.fromEntries(Object.entries(p.columns).map(([c, m]) => [c === name ? newName : c, m]));
    }
  }
  for (const e of definition.registry?.effects ?? []) {
    if (e.type === 'setFields') {
      for (const k of Object.keys(e.set)) e.set[k] = renameInLogic(e.set[k], from, to);
      if (e.when !== undefined) e.when = renameInLogic(e.when, from, to);
    } else if (e.type === 'removeMembers') {
      if (e.from === from) e.from = to;
      if (table && e.from === table) {
        if (e.idColumn === name) e.idColumn = newName;
        if (e.reasonColumn === name) e.reasonColumn = newName;
      }
    } else {
      if (e.from === from) e.from = to;
      if (table && e.from === table) e.columns = Object.fromEntries(Object.entries(e.columns).map(([m, c]) => [m, c === name ? newName : c]));
    }
  }
  const renameUiTexts = (node: unknown): unknown => {
    if (typeof node === 'string') return renameInText(node, from, to);
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, renameUiTexts(v)]));
  };
  if (definition.uiSchema) definition.uiSchema = renameUiTexts(definition.uiSchema) as UiNode;
}

/** Gives a field a new code ("A56" -> "A57"); its title's code follows. */
export function renameField(definition: FormDefinition, key: string, newName: string): string {
  const { table, name } = splitKey(key);
  const to = table ? `${table}.${newName}` : newName;
  if (newName === name) return key;
  const holder = holderOf(definition, table)!;
  const schema = { ...propertiesOf(holder)[name]! };
  const oldTitle = schema.title as string | undefined;
  const title = splitTitle(name, oldTitle);
  if (title.withCode) schema.title = joinTitle(newName, title.label, true);
  // Messages lead with the field's title ("A28 工资性收入（元）：…"): the new code goes there too.
  if (oldTitle && schema.title !== oldTitle) {
    for (const v of definition.rules?.validations ?? []) v.message = v.message.split(oldTitle).join(schema.title as string);
  }
  const ui = uiOf(definition, key);
  const required = isRequired(definition, key);
  setRequired(definition, key, false);
  setUi(definition, key, {});
  holder.properties = Object.fromEntries(Object.entries(propertiesOf(holder)).map(([k, v]) => (k === name ? [newName, schema] : [k, v])));
  setUi(definition, to, ui);
  if (required) setRequired(definition, to, true);
  renameEverywhere(definition, key, to);
  return to;
}

/** A copy of the field right after it, with the next free code; its condition, formula and checks come along. */
export function duplicateField(definition: FormDefinition, key: string): string {
  const { table, name } = splitKey(key);
  const newName = nextCode(definition, table, key);
  const to = table ? `${table}.${newName}` : newName;
  const schema = structuredClone(fieldSchema(definition, key)!);
  const title = splitTitle(name, schema.title as string | undefined);
  schema.title = title.withCode ? joinTitle(newName, title.label, true) : `${title.label}（副本）`;
  const holder = holderOf(definition, table)!;
  holder.properties = placeAfter(propertiesOf(holder), newName, schema, name);
  setUi(definition, to, structuredClone(uiOf(definition, key)));
  if (isRequired(definition, key)) setRequired(definition, to, true);
  const section = table ? null : sectionOf(definition, key);
  if (section) section.fields.splice(section.fields.indexOf(key) + 1, 0, to);
  const rules = definition.rules;
  if (rules) {
    const copy = <T>(rule: T): T => {
      const fresh = structuredClone(rule) as T & { field?: string };
      const renamed = JSON.parse(JSON.stringify(fresh).split(`"${key}"`).join(`"${to}"`)) as T & { field?: string };
      renamed.field = to;
      return renamed;
    };
    rules.visibility?.push(...rules.visibility.filter((r) => r.field === key).map(copy));
    rules.computed?.push(...rules.computed.filter((r) => r.field === key).map(copy));
    const ids = new Set((rules.validations ?? []).map((v) => v.id));
    for (const v of (rules.validations ?? []).filter((r) => r.field === key)) {
      const c = copy(v);
      let n = 2;
      while (ids.has(`${v.id}-${n}`)) n++;
      c.id = `${v.id}-${n}`;
      ids.add(c.id);
      c.message = v.message.split(name).join(newName);
      rules.validations!.push(c);
    }
  }
  return to;
}

export function addSection(definition: FormDefinition, title = '新分区'): string {
  const sections = (definition.sections ??= []);
  if (sections.length === 0) {
    const existing = fieldKeys(definition, null);
    if (existing.length > 0) sections.push({ id: 'section-1', title: '第一部分', fields: existing });
  }
  let n = sections.length + 1;
  while (sections.some((s) => s.id === `section-${n}`)) n++;
  const id = `section-${n}`;
  sections.push({ id, title, fields: [] });
  addField(definition, { section: id }, 'text');
  return id;
}

export function updateSection(definition: FormDefinition, id: string, patch: { title?: string; description?: string }): void {
  const section = definition.sections?.find((s) => s.id === id);
  if (!section) return;
  if (patch.title !== undefined) section.title = patch.title;
  if (patch.description !== undefined) {
    if (patch.description.trim()) section.description = patch.description;
    else delete section.description;
  }
}

export function moveSection(definition: FormDefinition, id: string, direction: -1 | 1): void {
  const sections = definition.sections ?? [];
  const i = sections.findIndex((s) => s.id === id);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= sections.length) return;
  [sections[i], sections[j]] = [sections[j]!, sections[i]!];
  syncPropertyOrder(definition);
}

/** Deletes a section with its fields (and its own visibility rule). */
export function removeSection(definition: FormDefinition, id: string): void {
  const section = definition.sections?.find((s) => s.id === id);
  if (!section) return;
  for (const key of [...section.fields]) removeField(definition, key);
  definition.sections = definition.sections!.filter((s) => s.id !== id);
  if (definition.rules?.visibility) definition.rules.visibility = definition.rules.visibility.filter((r) => r.section !== id);
  if (definition.sections.length === 0) delete definition.sections;
}

export { looksLikeSeedCode };
