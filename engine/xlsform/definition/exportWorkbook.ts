// A form definition to an XLSForm workbook a person can read and edit: one survey row per field in
// the sections' order (a section is a group, a table a repeat), choices, settings, and this
// product's parameters and checks sheets; formulas in the spreadsheet's expression language, or
// as "jsonlogic:" JSON where it has no words for them (listed in `notes`). Importing the workbook
// gives a definition the engine treats the same (the round-trip test runs every form's cases).
import type { FormulaScope } from '../../formula/types';
import { buildFieldIndex } from '../../schema/fieldIndex';
import type { FormDefinition, JsonSchema, PrefillMapping, ValidationRule } from '../../types';
import { fieldCells, uiCells } from './exportField';
import { holdsWhenBlank } from './holdsWhenBlank';
import { answeredWhen, compileXlsExpression, JSON_LOGIC_PREFIX, printXlsExpression } from './expressions';
import type { SheetBook, SheetRow, SheetTable } from './workbook';

export interface ExportResult {
  book: SheetBook;
  /** Formulas written as JSON-Logic (no words for them in the expression language), by place. */
  notes: string[];
}

const SURVEY_ORDER = [
  'type', 'name', 'label', 'hint', 'description', 'required', 'relevant', 'calculation', 'read_only', 'constraint', 'constraint_message',
  'severity', 'rule_id', 'default', 'appearance', 'format', 'min', 'max', 'min_length', 'max_length', 'pattern', 'min_rows', 'max_rows',
  'prefill', 'verify', 'schema_json', 'ui_json',
];
const TRANSLATED = new Set(['label', 'hint', 'description', 'constraint_message', 'form_title', 'title', 'message']);

function table(name: string, order: string[], rows: Record<string, string>[], languages: string[]): SheetTable {
  const present = new Set(rows.flatMap((r) => Object.keys(r)));
  const columns: string[] = [];
  for (const base of order) {
    if (present.has(base) || base === order[0] || base === order[1]) columns.push(base);
    if (TRANSLATED.has(base)) for (const l of languages) if (present.has(`${base}::${l}`)) columns.push(`${base}::${l}`);
  }
  return { name, columns, rows: rows.map((cells, i): SheetRow => ({ row: i + 2, cells })) };
}

export function exportWorkbook(definition: FormDefinition): ExportResult {
  const notes: string[] = [];
  const fields = buildFieldIndex(definition.schema);
  const parameters = definition.parameters ?? {};
  const translations = definition.translations ?? {};
  const languages = Object.keys(translations);
  const translate = (cells: Record<string, string>, base: string, key: string) => {
    for (const l of languages) { const t = translations[l]![key]; if (t !== undefined) cells[`${base}::${l}`] = t; }
  };
  const expression = (logic: unknown, table: string | null, boolean: boolean, where: string, self?: string): string => {
    const scope: FormulaScope = { fields, parameters, ...(table ? { table } : {}), ...(boolean ? { expect: 'boolean' as const } : {}) };
    const text = printXlsExpression(logic, scope, self ? { self } : undefined);
    if (text !== null && compileXlsExpression(text, scope, self ? { self } : undefined).ok) return text;
    notes.push(where);
    return JSON_LOGIC_PREFIX + JSON.stringify(logic);
  };
  const rules = definition.rules ?? {};
  // Several conditions on one field or section all have to hold: written as one, joined by and.
  const conditions = new Map<string, unknown[]>();
  for (const r of rules.visibility ?? []) {
    const key = r.field ?? `section:${r.section}`;
    conditions.set(key, [...(conditions.get(key) ?? []), r.when]);
  }
  const visibility = new Map([...conditions].map(([key, list]) => [key, list.length === 1 ? list[0] : { and: list }]));
  const computed = new Map((rules.computed ?? []).map((r) => [r.field, r.value]));
  const byField = new Map<string, ValidationRule[]>();
  for (const r of rules.validations ?? []) byField.set(r.field, [...(byField.get(r.field) ?? []), r]);
  const prefill = new Map<string, PrefillMapping>((definition.registry?.prefill ?? []).map((p) => [p.field, p]));
  const checks: Record<string, string>[] = [];
  const choices: Record<string, string>[] = [];
  const survey: Record<string, string>[] = [];
  const uiSchema = (definition.uiSchema ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const tableOf = (key: string) => (key.includes('.') ? key.split('.')[0]! : null);

  const ruleCells = (key: string, cells: Record<string, string>) => {
    const own = byField.get(key) ?? [];
    // A constraint is checked only on an answered question (ODK's rule, and the import's): a rule
    // whose only condition is that, or with none that holds on a blank answer anyway, goes in the
    // survey row; any other, even with no condition, in checks.
    const scope: FormulaScope = { fields, parameters, ...(tableOf(key) ? { table: tableOf(key)! } : {}), expect: 'boolean' };
    const only = own.length === 1 ? own[0]! : undefined;
    if (only && (only.when === undefined ? holdsWhenBlank(only.assert, key) : JSON.stringify(only.when) === JSON.stringify(answeredWhen(scope, key)))) {
      const r = own[0]!;
      cells.constraint = expression(r.assert, tableOf(key), true, `${key} 的 constraint`, key);
      cells.constraint_message = r.message;
      translate(cells, 'constraint_message', `rule:${r.id}.message`);
      if (r.severity) cells.severity = r.severity;
      cells.rule_id = r.id;
      return;
    }
    for (const r of own) {
      const row: Record<string, string> = { rule_id: r.id, field: r.field, message: r.message };
      if (r.when !== undefined) row.when = expression(r.when, tableOf(key), true, `checks 中 ${r.id} 的 when`, key);
      row.assert = expression(r.assert, tableOf(key), true, `checks 中 ${r.id} 的 assert`, key);
      if (r.severity) row.severity = r.severity;
      translate(row, 'message', `rule:${r.id}.message`);
      checks.push(row);
    }
  };
  const question = (key: string, schema: JsonSchema, ui: Record<string, unknown> | undefined, required: boolean) => {
    const { cells, options } = fieldCells(key, schema);
    const row: Record<string, string> = { ...cells, name: key.split('.').pop()!, label: String(schema.title ?? key) };
    translate(row, 'label', `field:${key}.title`);
    const help = uiCells(ui, row);
    if (help !== undefined) { row.hint = help; translate(row, 'hint', `field:${key}.help`); }
    if (typeof schema.description === 'string') { row.description = schema.description; translate(row, 'description', `field:${key}.description`); }
    if (required) row.required = 'yes';
    if (schema.readOnly === true) row.read_only = 'yes';
    if (visibility.has(key)) row.relevant = expression(visibility.get(key), tableOf(key), true, `${key} 的 relevant`);
    if (computed.has(key)) row.calculation = expression(computed.get(key), tableOf(key), false, `${key} 的 calculation`);
    ruleCells(key, row);
    if (options) {
      for (const o of options.values) {
        const choice: Record<string, string> = { list_name: options.list, name: o.value, label: o.label };
        translate(choice, 'label', `field:${key}.option:${o.value}`);
        choices.push(choice);
      }
    }
    return row;
  };
  const required = new Set((definition.schema.required as string[] | undefined) ?? []);
  const writeField = (key: string) => {
    const info = fields.fields.get(key);
    if (!info) return;
    const ui = uiSchema[key];
    if (info.kind !== 'table') {
      const row = question(key, info.schema, ui, required.has(key));
      const p = prefill.get(key);
      if (p) { row.prefill = p.from; if (p.verify) row.verify = 'yes'; }
      survey.push(row);
      return;
    }
    const items = info.schema.items as JsonSchema;
    const { items: _items, type: _type, title, description, minItems, maxItems, ...rest } = info.schema;
    const begin: Record<string, string> = { type: 'begin repeat', name: key, label: String(title ?? key) };
    translate(begin, 'label', `field:${key}.title`);
    const help = uiCells(ui, begin);
    if (help !== undefined) { begin.hint = help; translate(begin, 'hint', `field:${key}.help`); }
    if (typeof description === 'string') { begin.description = description; translate(begin, 'description', `field:${key}.description`); }
    if (typeof minItems === 'number') begin.min_rows = String(minItems);
    if (typeof maxItems === 'number') begin.max_rows = String(maxItems);
    if (Object.keys(rest).length > 0) begin.schema_json = JSON.stringify(rest);
    if (required.has(key)) begin.required = 'yes';
    if (visibility.has(key)) begin.relevant = expression(visibility.get(key), null, true, `${key} 的 relevant`);
    const p = prefill.get(key);
    if (p) { begin.prefill = p.from; if (p.verify) begin.verify = 'yes'; }
    ruleCells(key, begin);
    survey.push(begin);
    const columnRequired = new Set((items.required as string[] | undefined) ?? []);
    const itemsUi = (ui?.items ?? {}) as Record<string, Record<string, unknown> | undefined>;
    for (const column of Object.keys((items.properties as object) ?? {})) {
      const row = question(`${key}.${column}`, (items.properties as Record<string, JsonSchema>)[column]!, itemsUi[column], columnRequired.has(column));
      if (p?.columns?.[column]) row.prefill = p.columns[column]!;
      survey.push(row);
    }
    survey.push({ type: 'end repeat', name: key });
  };
  const placed = new Set<string>();
  for (const section of definition.sections ?? []) {
    const begin: Record<string, string> = { type: 'begin group', name: section.id, label: section.title };
    translate(begin, 'label', `section:${section.id}.title`);
    if (section.description) { begin.hint = section.description; translate(begin, 'hint', `section:${section.id}.description`); }
    if (visibility.has(`section:${section.id}`)) begin.relevant = expression(visibility.get(`section:${section.id}`), null, true, `分区 ${section.id} 的 relevant`);
    survey.push(begin);
    for (const key of section.fields) { writeField(key); placed.add(key); }
    survey.push({ type: 'end group', name: section.id });
  }
  for (const key of fields.topLevel) if (!placed.has(key)) writeField(key);

  const settings: Record<string, string> = { form_title: definition.title, form_id: definition.id, default_language: 'zh' };
  translate(settings, 'form_title', 'title');
  if (definition.description) { settings.description = definition.description; translate(settings, 'description', 'description'); }
  if (definition.source) settings.source = definition.source;
  if (definition.createsHousehold) settings.creates_household = 'yes';
  if (definition.appliesTo) settings.applies_to = definition.appliesTo.kinds.join('、');
  if (definition.review) settings.review = JSON.stringify(definition.review);
  if (definition.registry?.effects) settings.effects = JSON.stringify(definition.registry.effects);
  const topUi = Object.fromEntries(Object.entries(uiSchema).filter(([k]) => k.startsWith('ui:') || !fields.fields.has(k)));
  if (Object.keys(topUi).length > 0) settings.ui_json = JSON.stringify(topUi);

  const parameterRows = Object.entries(parameters).map(([name, p]) => {
    const row: Record<string, string> = { name, type: p.type, title: p.title };
    translate(row, 'title', `param:${name}.title`);
    if (p.description) row.description = p.description;
    return row;
  });
  const sheets = [
    table('survey', SURVEY_ORDER, survey, languages),
    table('choices', ['list_name', 'name', 'label'], choices, languages),
    table('settings', ['form_title', 'form_id', 'default_language', 'description', 'source', 'creates_household', 'applies_to', 'review', 'effects', 'ui_json'], [settings], languages),
  ];
  if (parameterRows.length > 0) sheets.push(table('parameters', ['name', 'type', 'title', 'description'], parameterRows, languages));
  if (checks.length > 0) sheets.push(table('checks', ['rule_id', 'field', 'when', 'assert', 'severity', 'message'], checks, languages));
  return { book: { sheets }, notes };
}
