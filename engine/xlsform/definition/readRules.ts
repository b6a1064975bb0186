// The survey's expressions (relevant, calculation, constraint), the checks sheet (this product's
// cross-field rules: several per field, a condition of their own, warning or error), defaults and
// registry pre-fill, read once every field is known, into the definition's rules and registry
// hooks. Each rule remembers the sheet, row and column it came from (origins) so a problem the
// definition checker finds later is reported where the administrator wrote it.
import type { FormulaScope } from '../../formula/types';
import { buildFieldIndex } from '../../schema/fieldIndex';
import type { FormRules, JsonSchema, ParameterDeclaration, PrefillMapping, ValidationRule } from '../../types';
import { isFalse, isTrue } from './columns';
import { answeredWhen, compileXlsExpression, JSON_LOGIC_PREFIX } from './expressions';
import type { Origins } from './Origins';
import type { Report } from './Report';
import { definitionText, type SurveyStructure } from './readSurvey';
import type { Texts } from './Texts';
import type { SheetRow, SheetTable } from './workbook';

export interface RulesInput {
  survey: SurveyStructure;
  surveySheet: string;
  schema: JsonSchema;
  parameters: Record<string, ParameterDeclaration>;
  texts: Texts;
  checks: SheetTable | null;
  checksTexts: Texts | null;
  report: Report;
  origins: Origins;
}

export interface ReadRules {
  rules: FormRules;
  prefill: PrefillMapping[];
}

/** The schema of a dotted key ("A28", "members.A16") inside the form's top-level properties. */
export function schemaAt(properties: Record<string, JsonSchema>, key: string): JsonSchema | undefined {
  const [first, column] = key.split('.');
  const top = properties[first!];
  if (column === undefined) return top;
  return ((top?.items as JsonSchema | undefined)?.properties as Record<string, JsonSchema> | undefined)?.[column];
}

export function pointerOf(key: string): string {
  const [first, column] = key.split('.');
  return column === undefined ? `/schema/properties/${first}` : `/schema/properties/${first}/items/properties/${column}`;
}

export function readRules(input: RulesInput): ReadRules {
  const { survey, schema, parameters, report, origins } = input;
  const properties = schema.properties as Record<string, JsonSchema>;
  let fields = buildFieldIndex(schema);
  const scopeFor = (table: string | null, expect?: FormulaScope['expect']): FormulaScope => ({
    fields, parameters, ...(table ? { table } : {}), ...(expect ? { expect } : {}),
  });
  /** An expression cell to JSON-Logic, or undefined after reporting why not. */
  const compile = (sheet: string, row: SheetRow, column: string, scope: FormulaScope, self?: string): { logic: unknown; type: string } | undefined => {
    const text = row.cells[column]!;
    if (text.startsWith(JSON_LOGIC_PREFIX)) {
      try { return { logic: JSON.parse(text.slice(JSON_LOGIC_PREFIX.length)), type: 'unknown' }; } catch {
        report.error(sheet, row.row, column, `${JSON_LOGIC_PREFIX} 之后应为有效的 JSON-Logic`);
        return undefined;
      }
    }
    const result = compileXlsExpression(text, scope, self ? { self } : undefined);
    if (result.ok) return { logic: result.logic, type: result.type };
    for (const e of result.errors) report.error(sheet, row.row, column, `${e.message}（“${text.slice(e.start, e.end) || text}”）`);
    return undefined;
  };
  const rules: Required<FormRules> = { visibility: [], computed: [], validations: [] };
  const S = input.surveySheet;
  for (const f of survey.fields) origins.add(pointerOf(f.key), S, f.row.row, 'type');
  for (const [key, row] of survey.tableRows) origins.add(pointerOf(key), S, row.row, 'type');
  survey.sections.forEach((s, i) => { origins.add(`/sections/${i}`, S, survey.sectionRows.get(s.id)!.row, 'name'); });

  // Calculations first: a calculate row's type is its formula's, and other expressions read it.
  for (const f of survey.fields) {
    if (f.row.cells.calculation === undefined) continue;
    const own = schemaAt(properties, f.key)!;
    if (f.row.cells.read_only !== undefined && isFalse(f.row.cells.read_only)) {
      report.error(S, f.row.row, 'read_only', '有 calculation 的题是计算字段，只读：read_only 不能为 no');
      continue;
    }
    own.readOnly = true;
    const result = compile(S, f.row, 'calculation', scopeFor(f.table));
    if (!result) continue;
    if (f.type.kind === 'calculate') {
      const types: Record<string, JsonSchema> = {
        number: { type: 'number' }, string: { type: 'string' }, boolean: { type: 'boolean' }, date: { type: 'string', format: 'date' },
      };
      Object.assign(own, types[result.type] ?? {});
    }
    origins.add(`/rules/computed/${rules.computed.length}`, S, f.row.row, 'calculation');
    rules.computed.push({ field: f.key, value: result.logic });
  }
  fields = buildFieldIndex(schema);

  const visible = (key: { field?: string; section?: string }, row: SheetRow, table: string | null) => {
    if (row.cells.relevant === undefined) return;
    const result = compile(S, row, 'relevant', scopeFor(table, 'boolean'));
    if (!result) return;
    origins.add(`/rules/visibility/${rules.visibility.length}`, S, row.row, 'relevant');
    rules.visibility.push({ ...key, when: result.logic });
  };
  for (const [id, row] of survey.sectionRows) visible({ section: id }, row, null);
  for (const [key, row] of survey.tableRows) visible({ field: key }, row, null);
  const constraint = (key: string, row: SheetRow, table: string | null) => {
    if (row.cells.constraint === undefined) {
      if (row.cells.constraint_message !== undefined) report.warning(S, row.row, 'constraint_message', '没有 constraint，constraint_message 已忽略');
      return;
    }
    const name = key.split('.').pop()!;
    const id = row.cells.rule_id ?? `${table ? `${table}-` : ''}${name}-constraint`;
    const scope = scopeFor(table, 'boolean');
    const assert = compile(S, row, 'constraint', scope, key);
    // As in ODK: a blank answer is not checked (required says whether it may be blank).
    const when = answeredWhen(scope, key);
    const message = row.cells.constraint_message !== undefined ? input.texts.own(row, 'constraint_message') : undefined;
    input.texts.translate(row, 'constraint_message', `rule:${id}.message`);
    const title = String(schemaAt(properties, key)?.title ?? name);
    if (assert) addRule(rules.validations, origins, S, row, 'constraint', {
      id, field: key, ...(when === undefined ? {} : { when }), assert: assert.logic, message: definitionText(message ?? `${title} 不符合要求`), ...severityOf(S, row, report),
    });
  };
  for (const [key, row] of survey.tableRows) constraint(key, row, null);
  for (const f of survey.fields) {
    visible({ field: f.key }, f.row, f.table);
    constraint(f.key, f.row, f.table);
    const fallback = f.row.cells.default;
    if (fallback !== undefined) {
      const value = defaultValue(fallback, schemaAt(properties, f.key)!);
      if (typeof value === 'string' && value.startsWith('!')) report.error(S, f.row.row, 'default', value.slice(1));
      else schemaAt(properties, f.key)!.default = value;
    }
  }
  if (input.checks) readChecks(input, rules.validations, (table, expect) => scopeFor(table, expect), compile);
  return { rules, prefill: readPrefill(survey, S, report, origins) };
}

function addRule(list: ValidationRule[], origins: Origins, sheet: string, row: SheetRow, column: string, rule: ValidationRule): void {
  origins.add(`/rules/validations/${list.length}`, sheet, row.row, column);
  list.push(rule);
}

function severityOf(sheet: string, row: SheetRow, report: Report): { severity?: 'warning' | 'error' } {
  const text = row.cells.severity?.trim().toLowerCase();
  if (text === undefined) return {};
  if (text === 'warning' || text === '警告') return { severity: 'warning' };
  if (text === 'error' || text === '错误') return { severity: 'error' };
  report.error(sheet, row.row, 'severity', 'severity 应为 error（错误，阻止提交）或 warning（警告，须说明）');
  return {};
}

/** A default written as a fixed value of the field's type; "!<message>" when it is not one. */
function defaultValue(text: string, schema: JsonSchema): unknown {
  if (/\$\{|\(/.test(text)) return '!默认值只能是固定的值（按公式的默认值没有对应：请用 calculation）';
  if (schema.type === 'integer' || schema.type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) && (schema.type === 'number' || Number.isInteger(n)) ? n : `!默认值“${text}”不是${schema.type === 'integer' ? '整数' : '数字'}`;
  }
  if (schema.type === 'boolean') return isTrue(text) ? true : isFalse(text) ? false : `!默认值“${text}”应为 yes 或 no`;
  if (schema.type === 'array') return text.split(/\s+/);
  return text;
}

type Compile = (sheet: string, row: SheetRow, column: string, scope: FormulaScope, self?: string) => { logic: unknown; type: string } | undefined;

function readChecks(input: RulesInput, list: ValidationRule[], scopeFor: (table: string | null, expect?: FormulaScope['expect']) => FormulaScope, compile: Compile): void {
  const sheet = input.checks!;
  const texts = input.checksTexts!;
  const properties = input.schema.properties as Record<string, JsonSchema>;
  const seen = new Set(list.map((r) => r.id));
  for (const row of sheet.rows) {
    const c = row.cells;
    const id = c.rule_id ?? c.id;
    if (!id || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) { input.report.error(sheet.name, row.row, 'rule_id', '规则编号应由字母、数字、下划线和短横线组成，以字母开头'); continue; }
    if (seen.has(id)) { input.report.error(sheet.name, row.row, 'rule_id', `规则编号“${id}”重复`); continue; }
    seen.add(id);
    const field = c.field;
    if (!field || !schemaAt(properties, field)) { input.report.error(sheet.name, row.row, 'field', `字段“${field ?? ''}”不在 survey 工作表中`); continue; }
    const table = field.includes('.') ? field.split('.')[0]! : null;
    if (c.assert === undefined) { input.report.error(sheet.name, row.row, 'assert', '缺少 assert（必须成立的条件）'); continue; }
    const message = texts.own(row, 'message');
    if (!message) { input.report.error(sheet.name, row.row, 'message', '缺少 message（不成立时的提示）'); continue; }
    texts.translate(row, 'message', `rule:${id}.message`);
    const assert = compile(sheet.name, row, 'assert', scopeFor(table, 'boolean'), field);
    const when = c.when === undefined ? undefined : compile(sheet.name, row, 'when', scopeFor(table, 'boolean'), field);
    if (!assert || (c.when !== undefined && !when)) continue;
    addRule(list, input.origins, sheet.name, row, 'assert', {
      id, field, ...(when ? { when: when.logic } : {}), assert: assert.logic, message: definitionText(message), ...severityOf(sheet.name, row, input.report),
    });
  }
}

function readPrefill(survey: SurveyStructure, sheet: string, report: Report, origins: Origins): PrefillMapping[] {
  const out: PrefillMapping[] = [];
  const tables = new Map<string, PrefillMapping>();
  const verify = (row: SheetRow) => (isTrue(row.cells.verify) ? { verify: true } : {});
  for (const [key, row] of survey.tableRows) {
    if (row.cells.prefill === undefined) continue;
    const mapping: PrefillMapping = { field: key, from: row.cells.prefill, columns: {}, ...verify(row) };
    tables.set(key, mapping);
    origins.add(`/registry/prefill/${out.length}`, sheet, row.row, 'prefill');
    out.push(mapping);
  }
  for (const f of survey.fields) {
    const from = f.row.cells.prefill;
    if (from === undefined) continue;
    if (f.table === null) {
      origins.add(`/registry/prefill/${out.length}`, sheet, f.row.row, 'prefill');
      out.push({ field: f.key, from, ...verify(f.row) });
    } else {
      const table = tables.get(f.table);
      if (!table) report.error(sheet, f.row.row, 'prefill', `列的 prefill 须所在重复组“${f.table}”也写 prefill（如 members）`);
      else table.columns![f.key.split('.')[1]!] = from;
    }
  }
  return out;
}
