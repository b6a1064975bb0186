// An XLSForm workbook (sheets survey, choices, settings; this product's parameters and checks) to a
// form definition, checked by the definition checker. Anything without an equivalent is an error
// naming sheet, row and column, and then nothing is imported: the definition is null. Warnings say
// what was left out (ODK's metadata, appearances) or moved (a note into a section's description).
import { checkDefinition } from '../../definition/checkDefinition';
import type { FormDefinition, HouseholdKind, JsonSchema, ParameterDeclaration } from '../../types';
import { CHOICES_COLUMNS, IGNORED_SETTINGS, isTrue, parseColumn, REFUSED_COLUMNS, SETTINGS_COLUMNS, SURVEY_COLUMNS } from './columns';
import type { ChoiceLists } from './fieldSchema';
import { Origins } from './Origins';
import { readRules, schemaAt } from './readRules';
import { definitionText, readSurvey } from './readSurvey';
import { Report } from './Report';
import { Texts } from './Texts';
import type { SheetBook, SheetRow, SheetTable, WorkbookProblem } from './workbook';

export interface ImportSummary {
  fields: number;
  sections: number;
  tables: number;
  rules: number;
  languages: string[];
}

export interface ImportResult {
  /** Null when any error was found (in the workbook or by the definition checker). */
  definition: FormDefinition | null;
  problems: WorkbookProblem[];
  summary: ImportSummary;
}

/** Header "Type" and "type" alike, "list name" as "list_name"; language columns keep their language. */
function normalize(sheet: SheetTable): SheetTable {
  const rename = (written: string) => {
    // "label:English" is how older forms wrote a language.
    const h = written.replace(/^\s*(label|hint|constraint_message|description|message|form_title|title)\s*:(?!:)/i, '$1::');
    const at = h.indexOf('::');
    const base = (at < 0 ? h : h.slice(0, at)).trim().toLowerCase().replace(/\s+/g, '_');
    return at < 0 ? base : `${base}::${h.slice(at + 2).trim()}`;
  };
  return {
    name: sheet.name,
    columns: sheet.columns.map(rename),
    rows: sheet.rows.map((r) => ({ row: r.row, cells: Object.fromEntries(Object.entries(r.cells).map(([h, v]) => [rename(h), v])) })),
  };
}

function findSheet(book: SheetBook, name: string): SheetTable | null {
  const found = book.sheets.find((s) => s.name.trim().toLowerCase() === name);
  return found ? normalize(found) : null;
}

/** Columns with values that this import has no meaning for: refused or left out. */
function checkColumns(sheet: SheetTable, known: Set<string>, report: Report, languageColumns: Set<string>): void {
  for (const header of sheet.columns) {
    const withValue = sheet.rows.find((r) => r.cells[header] !== undefined);
    if (!withValue) continue;
    const { base, language } = parseColumn(header);
    const prefix = Object.keys(REFUSED_COLUMNS).find((k) => k.endsWith('::') && header.startsWith(k));
    const refused = REFUSED_COLUMNS[header] ?? REFUSED_COLUMNS[base] ?? (prefix ? REFUSED_COLUMNS[prefix] : undefined)
      ?? (base === 'media' ? '题目媒体（media::）' : undefined);
    if (refused) report.error(sheet.name, withValue.row, header, `${refused}在本系统没有对应`);
    else if (header.includes('::') && !languageColumns.has(base)) report.error(sheet.name, withValue.row, header, `列“${header}”不认识（只有 label、hint、constraint_message、description、message 可按语言写）`);
    else if (!known.has(base) && language === null) report.warning(sheet.name, withValue.row, header, `列“${header}”不认识，已忽略`);
  }
}

function readChoices(sheet: SheetTable | null, report: Report): ChoiceLists {
  const lists: ChoiceLists = new Map();
  if (!sheet) return lists;
  for (const row of sheet.rows) {
    const list = row.cells.list_name;
    const value = row.cells.name;
    if (!list && !value) continue;
    if (!list) { report.error(sheet.name, row.row, 'list_name', '缺少 list_name（选项列表名）'); continue; }
    if (value === undefined) { report.error(sheet.name, row.row, 'name', '缺少 name（选项的值）'); continue; }
    const options = lists.get(list) ?? [];
    if (options.some((o) => o.value === value)) { report.error(sheet.name, row.row, 'name', `选项列表“${list}”中的值“${value}”重复`); continue; }
    options.push({ value, label: '', source: row });
    lists.set(list, options);
  }
  return lists;
}

function readParameters(sheet: SheetTable | null, texts: Texts | null, report: Report): Record<string, ParameterDeclaration> {
  const out: Record<string, ParameterDeclaration> = {};
  if (!sheet) return out;
  const types = ['number', 'string', 'date', 'year-month'];
  for (const row of sheet.rows) {
    const { name, type } = row.cells;
    if (!name || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) { report.error(sheet.name, row.row, 'name', '参数名应由字母、数字和下划线组成，以字母开头（如 incomeLine）'); continue; }
    if (!type || !types.includes(type)) { report.error(sheet.name, row.row, 'type', `参数类型应为 ${types.join('、')} 之一`); continue; }
    const title = texts!.own(row, 'title');
    if (!title) { report.error(sheet.name, row.row, 'title', '缺少参数的标题（title）'); continue; }
    texts!.translate(row, 'title', `param:${name}.title`);
    const description = row.cells.description;
    out[name] = { title, type: type as ParameterDeclaration['type'], ...(description ? { description } : {}) };
  }
  return out;
}

function parseJson(text: string | undefined, sheet: string, row: number, column: string, report: Report): unknown {
  if (text === undefined) return undefined;
  try { return JSON.parse(text); } catch { report.error(sheet, row, column, `${column} 不是有效的 JSON`); return undefined; }
}

/** `formId`: the form imported into (wins over the workbook's form_id); `title`: when form_title is empty (the file's name). */
export function importWorkbook(book: SheetBook, options: { formId?: string; title?: string } = {}): ImportResult {
  const report = new Report();
  const origins = new Origins();
  const empty: ImportSummary = { fields: 0, sections: 0, tables: 0, rules: 0, languages: [] };
  const survey = findSheet(book, 'survey');
  if (!survey) {
    report.error('survey', null, null, '缺少 survey 工作表（每行一个题目）');
    return { definition: null, problems: report.problems, summary: empty };
  }
  const choices = findSheet(book, 'choices');
  const settingsSheet = findSheet(book, 'settings');
  const parametersSheet = findSheet(book, 'parameters');
  const checks = findSheet(book, 'checks');
  const settings: SheetRow = settingsSheet?.rows[0] ?? { row: 2, cells: {} };
  const S = settingsSheet?.name ?? 'settings';
  const defaultLanguage = settings.cells.default_language ? parseColumn(`x::${settings.cells.default_language}`).language : null;

  const translatable = {
    survey: new Set(['label', 'hint', 'constraint_message', 'description']), choices: new Set(['label']), settings: new Set(['form_title', 'description']),
    parameters: new Set(['title']), checks: new Set(['message']),
  };
  checkColumns(survey, SURVEY_COLUMNS, report, translatable.survey);
  if (choices) checkColumns(choices, CHOICES_COLUMNS, report, translatable.choices);
  if (settingsSheet) checkColumns(settingsSheet, SETTINGS_COLUMNS, report, translatable.settings);
  if (parametersSheet) checkColumns(parametersSheet, new Set(['name', 'type', 'title', 'description']), report, translatable.parameters);
  if (checks) checkColumns(checks, new Set(['rule_id', 'id', 'field', 'when', 'assert', 'severity', 'message']), report, translatable.checks);
  for (const key of Object.keys(settings.cells)) {
    if (IGNORED_SETTINGS.has(key)) report.warning(S, settings.row, key, `设置“${key}”只用于 ODK 的发送或显示，已忽略（本系统的版本由发布产生）`);
  }
  const texts = new Texts(survey, defaultLanguage, report, translatable.survey);
  const choiceTexts = choices ? new Texts(choices, defaultLanguage, report, translatable.choices) : null;
  const settingTexts = new Texts(settingsSheet ?? { name: S, columns: [], rows: [] }, defaultLanguage, report, translatable.settings);
  const parameterTexts = parametersSheet ? new Texts(parametersSheet, defaultLanguage, report, translatable.parameters) : null;
  const checksTexts = checks ? new Texts(checks, defaultLanguage, report, translatable.checks) : null;

  const lists = readChoices(choices, report);
  for (const options of lists.values()) for (const o of options) o.label = definitionText(choiceTexts!.own(o.source, 'label') ?? '');
  const parameters = readParameters(parametersSheet, parameterTexts, report);
  const structure = readSurvey(survey, texts, lists, report);
  for (const f of structure.fields) {
    if (f.type.list === undefined) continue;
    for (const o of lists.get(f.type.list) ?? []) choiceTexts!.translate(o.source, 'label', `field:${f.key}.option:${o.value}`);
  }
  const schema: JsonSchema = { type: 'object', ...(structure.required.length > 0 ? { required: structure.required } : {}), properties: structure.properties };
  const { rules, prefill } = readRules({
    survey: structure, surveySheet: survey.name, schema, parameters, texts, checks, checksTexts, report, origins,
  });

  // Imported into a form: its id, whatever the workbook says (pyxform's form_id is often a file name).
  const written = settings.cells.form_id;
  const id = options.formId ?? written;
  if (!id || !/^[a-z][a-z0-9-]{1,62}$/.test(id)) report.error(S, settings.row, 'form_id', 'form_id 应为小写字母、数字和短横线（如 monitoring-object）');
  else if (written !== undefined && written !== id) report.warning(S, settings.row, 'form_id', `form_id “${written}”与所导入的表单“${id}”不同：按“${id}”导入`);
  const title = settingTexts.own(settings, 'form_title') ?? options.title;
  if (!settingTexts.own(settings, 'form_title') && options.title) report.warning(S, settings.row, 'form_title', `没有 form_title：标题取“${options.title}”`);
  settingTexts.translate(settings, 'form_title', 'title');
  settingTexts.translate(settings, 'description', 'description');
  const description = [settingTexts.own(settings, 'description'), ...structure.formNotes].filter(Boolean).join('\n');
  const review = parseJson(settings.cells.review, S, settings.row, 'review', report);
  const effects = parseJson(settings.cells.effects, S, settings.row, 'effects', report);
  const topUi = parseJson(settings.cells.ui_json, S, settings.row, 'ui_json', report);
  const kinds = settings.cells.applies_to?.split(/[,，、\s]+/).filter(Boolean);

  const languages = [...new Set([texts, choiceTexts, settingTexts, parameterTexts, checksTexts].flatMap((t) => (t ? t.languages() : [])))];
  const translations: Record<string, Record<string, string>> = {};
  for (const t of [texts, choiceTexts, settingTexts, parameterTexts, checksTexts]) {
    for (const [language, entries] of Object.entries(t?.translations ?? {})) Object.assign(translations[language] ??= {}, entries);
  }
  const uiSchema = { ...structure.uiSchema, ...(topUi as object | undefined) };
  const definition: FormDefinition = {
    id: id ?? '',
    title: title ?? structure.sections[0]?.title ?? id ?? '',
    ...(description ? { description } : {}),
    ...(settings.cells.source ? { source: settings.cells.source } : {}),
    ...(isTrue(settings.cells.creates_household) ? { createsHousehold: true } : {}),
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    schema,
    ...(Object.keys(uiSchema).length > 0 ? { uiSchema } : {}),
    ...(structure.sections.length > 0 ? { sections: structure.sections } : {}),
    ...(Object.values(rules).some((list) => (list as unknown[]).length > 0)
      ? { rules: Object.fromEntries(Object.entries(rules).filter(([, list]) => (list as unknown[]).length > 0)) } : {}),
    ...(prefill.length > 0 || effects !== undefined ? { registry: { ...(prefill.length > 0 ? { prefill } : {}), ...(effects !== undefined ? { effects: effects as never } : {}) } } : {}),
    ...(review !== undefined ? { review: review as never } : {}),
    ...(kinds && kinds.length > 0 ? { appliesTo: { kinds: kinds as HouseholdKind[] } } : {}),
    ...(Object.keys(translations).length > 0 ? { translations } : {}),
  };
  if (!title) report.error(S, settings.row, 'form_title', '缺少表单标题（settings 工作表的 form_title）');
  const summary: ImportSummary = {
    fields: structure.fields.length, sections: structure.sections.length, tables: structure.tableRows.size,
    rules: (rules.visibility?.length ?? 0) + (rules.computed?.length ?? 0) + (rules.validations?.length ?? 0), languages,
  };
  if (report.failed) return { definition: null, problems: report.problems, summary };
  for (const p of checkDefinition(definition)) {
    const problem = origins.problemAt(p.path, p.message, p.severity, p.path.startsWith('/review') || p.path.startsWith('/registry/effects') ? S : survey.name);
    report.problems.push(problem);
  }
  return { definition: report.failed ? null : definition, problems: report.problems, summary };
}

export { schemaAt };
