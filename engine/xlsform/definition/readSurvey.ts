// Walks the survey sheet's rows into the definition's structure: fields (one per question row, the
// name its code), sections (a top-level begin group … end group), tables (begin repeat … end repeat:
// an array of rows whose columns are the questions inside), titles, hints, descriptions and their
// translations. Expressions are read afterwards (readRules), once every field is known.
import { FIELD_NAME } from '../../schema/fieldIndex';
import type { JsonSchema, Section } from '../../types';
import { COSMETIC_APPEARANCES, isFalse, isTrue } from './columns';
import { type ChoiceLists, fieldSchema, METADATA_TYPES, parseRowType, REFUSED_TYPES, type RowType, tableSchema } from './fieldSchema';
import type { Report } from './Report';
import type { Texts } from './Texts';
import type { SheetRow, SheetTable } from './workbook';

/** A question row: its dotted key ("A28", "members.A16"). */
export interface SurveyField {
  key: string;
  row: SheetRow;
  type: RowType;
  table: string | null;
}

export interface SurveyStructure {
  properties: Record<string, JsonSchema>;
  required: string[];
  sections: Section[];
  uiSchema: Record<string, unknown>;
  fields: SurveyField[];
  /** begin group rows by section id, begin repeat rows by table key. */
  sectionRows: Map<string, SheetRow>;
  tableRows: Map<string, SheetRow>;
  /** Notes outside any group: the form's description. */
  formNotes: string[];
}

/** "${A34}" in a label or message is "{{A34}}" in a definition. */
export function definitionText(text: string): string {
  return text.replace(/\$\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}/g, '{{$1}}');
}

/** Old spellings pyxform still reads ("select one from yes_no", "phone number") in today's words. */
function xlsType(type: string): string {
  return type.trim().replace(/\s+/g, ' ')
    .replace(/^select one from (\S+)/i, 'select_one $1').replace(/^select all that apply from (\S+)/i, 'select_multiple $1')
    .replace(/^select all that apply (\S+)/i, 'select_multiple $1').replace(/^select one (\S+)/i, 'select_one $1')
    .replace(/^(begin|end) (group|repeat)$/i, (_, a: string, b: string) => `${a.toLowerCase()} ${b.toLowerCase()}`);
}

interface OpenTable { key: string; row: SheetRow; properties: Record<string, JsonSchema>; required: string[]; ui: Record<string, unknown> }

export function readSurvey(sheet: SheetTable, texts: Texts, lists: ChoiceLists, report: Report): SurveyStructure {
  const out: SurveyStructure = {
    properties: {}, required: [], sections: [], uiSchema: {}, fields: [], sectionRows: new Map(), tableRows: new Map(), formNotes: [],
  };
  const S = sheet.name;
  let section: Section | null = null;
  let table: OpenTable | null = null;
  // Groups and repeats refused above: their ends are theirs, not the open section's or table's.
  const skipped: string[] = [];
  const skip = (kind: string) => { skipped.push(kind); };
  const text = (row: SheetRow, base: string, key: string): string | undefined => {
    texts.translate(row, base, key);
    const own = texts.own(row, base);
    return own === undefined ? undefined : definitionText(own);
  };
  const closeTable = () => {
    if (!table) return;
    out.properties[table.key]!.items = tableSchema(table.properties, table.required).items;
    if (Object.keys(table.ui).length > 0) out.uiSchema[table.key] = { ...(out.uiSchema[table.key] as object ?? {}), items: table.ui };
    table = null;
  };

  for (const row of sheet.rows) {
    const c = row.cells;
    const written = c.type === undefined ? undefined : xlsType(c.type);
    const typeText = written?.toLowerCase();
    if (typeText === undefined) {
      if (Object.keys(c).length > 0) report.error(S, row.row, 'type', '这一行没有填写题型（type）');
      continue;
    }
    const name = c.name;
    const control = typeText.replace('_', ' ');
    if (control === 'begin group') {
      if (table) { report.error(S, row.row, 'type', '重复组（repeat）中的分组没有对应：表格的列不能再分组'); skip('group'); continue; }
      if (section) { report.error(S, row.row, 'type', `分组“${section.id}”中的分组没有对应：本系统的分区只有一层`); skip('group'); continue; }
      if (!name || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) { report.error(S, row.row, 'name', '分组的 name 应由字母、数字、下划线和短横线组成，以字母开头'); continue; }
      if (out.sectionRows.has(name)) { report.error(S, row.row, 'name', `分组名称“${name}”重复`); continue; }
      if (c.appearance && c.appearance !== 'field-list') report.warning(S, row.row, 'appearance', `分组外观“${c.appearance}”没有对应，已忽略`);
      const title = text(row, 'label', `section:${name}.title`) ?? name;
      section = { id: name, title, fields: [] };
      const description = text(row, 'hint', `section:${name}.description`);
      if (description) section.description = description;
      out.sections.push(section);
      out.sectionRows.set(name, row);
      continue;
    }
    if (control === 'end group' && skipped.at(-1) === 'group') { skipped.pop(); continue; }
    if (control === 'end repeat' && skipped.at(-1) === 'repeat') { skipped.pop(); continue; }
    if (control === 'end group') {
      if (table) report.error(S, row.row, 'type', `重复组“${table.key}”还没有结束（end repeat）就结束了分组`);
      else if (!section) report.error(S, row.row, 'type', 'end group 没有对应的 begin group');
      else if (section.fields.length === 0) {
        // A group of notes only (an introduction): its text goes to the form's description.
        out.sections.pop();
        out.sectionRows.delete(section.id);
        out.formNotes.push(...[section.title, section.description ?? ''].filter(Boolean));
        report.warning(S, row.row, 'type', `分组“${section.id}”中没有题目：其标题和说明文字已并入表单的说明`);
      }
      section = null;
      continue;
    }
    if (control === 'begin repeat') {
      if (table) { report.error(S, row.row, 'type', `重复组“${table.key}”中的重复组没有对应：表格中不能再有表格`); skip('repeat'); continue; }
      if (!name || !FIELD_NAME.test(name)) { report.error(S, row.row, 'name', '重复组的 name 应由字母、数字和下划线组成，以字母开头'); continue; }
      if (out.properties[name]) { report.error(S, row.row, 'name', `字段编码“${name}”重复`); continue; }
      const schema: JsonSchema = { type: 'array', title: text(row, 'label', `field:${name}.title`) ?? name };
      const description = text(row, 'description', `field:${name}.description`);
      if (description) schema.description = description;
      for (const [column, keyword] of [['min_rows', 'minItems'], ['max_rows', 'maxItems']] as const) {
        if (c[column] === undefined) continue;
        const n = Number(c[column]);
        if (!Number.isInteger(n) || n < 0) report.error(S, row.row, column, `${column} 应为不小于 0 的整数`);
        else schema[keyword] = n;
      }
      out.properties[name] = schema;
      const help = text(row, 'hint', `field:${name}.help`);
      if (help) out.uiSchema[name] = { 'ui:help': help };
      mergeUiJson(out.uiSchema, name, c.ui_json, S, row, report);
      if (isTrue(c.required)) out.required.push(name);
      section?.fields.push(name);
      out.tableRows.set(name, row);
      table = { key: name, row, properties: {}, required: [], ui: {} };
      continue;
    }
    if (control === 'end repeat') {
      if (!table) report.error(S, row.row, 'type', 'end repeat 没有对应的 begin repeat');
      else if (Object.keys(table.properties).length === 0) report.error(S, row.row, 'type', `重复组“${table.key}”中没有题目`);
      closeTable();
      continue;
    }
    if (typeText === 'note') {
      for (const column of ['relevant', 'calculation', 'constraint', 'required'] as const) {
        if (c[column] !== undefined) report.error(S, row.row, column, '带条件或计算的说明文字（note）没有对应：说明只能是固定的文字');
      }
      const note = text(row, 'label', section ? `section:${section.id}.description` : 'description');
      if (!note) continue;
      if (table) { report.error(S, row.row, 'type', '重复组中的说明文字（note）没有对应'); continue; }
      if (section) section.description = section.description ? `${section.description}\n${note}` : note;
      else out.formNotes.push(note);
      report.warning(S, row.row, 'type', `说明文字（note）已并入${section ? `分区“${section.title}”` : '表单'}的说明`);
      continue;
    }
    const head = typeText.split(' ')[0]!.replace(/^uri:/, '');
    if (METADATA_TYPES.has(head)) {
      report.warning(S, row.row, 'type', `元数据“${head}”由系统自行记录（提交时间、填报人），不作为表单字段，已略过`);
      continue;
    }
    if (REFUSED_TYPES[head] || REFUSED_TYPES[typeText]) {
      report.error(S, row.row, 'type', `题型${REFUSED_TYPES[head] ?? REFUSED_TYPES[typeText]}在本系统没有对应`);
      continue;
    }
    if (/\bor_other\b|or specify other$/.test(typeText)) { report.error(S, row.row, 'type', '“or_other”（选项外再填其他）没有对应：请另设一个“其他”文本题，用 relevant 控制显示'); continue; }
    const type = parseRowType(written!, c.appearance);
    if (!type) { report.error(S, row.row, 'type', `题型“${c.type}”不认识`); continue; }
    if (!name || !FIELD_NAME.test(name)) { report.error(S, row.row, 'name', '字段编码（name）应由字母、数字和下划线组成，以字母开头（如 A28）'); continue; }
    const scope = table ? table.properties : out.properties;
    if (scope[name]) { report.error(S, row.row, 'name', `字段编码“${name}”重复`); continue; }
    const key = table ? `${table.key}.${name}` : name;
    const schema = fieldSchema(type, c, lists);
    if ('problem' in schema) { report.error(S, row.row, String(schema.column), String(schema.problem)); continue; }
    const title = text(row, 'label', `field:${key}.title`);
    schema.title = title ?? name;
    const description = text(row, 'description', `field:${key}.description`);
    if (description) schema.description = description;
    if (type.kind === 'calculate' || isTrue(c.read_only)) schema.readOnly = true;
    else if (!isFalse(c.read_only)) report.error(S, row.row, 'read_only', 'read_only 只能是 yes 或 no（按条件只读没有对应）');
    scope[name] = schema;
    if (c.required !== undefined && !isFalse(c.required)) {
      if (isTrue(c.required)) (table ? table.required : out.required).push(name);
      else report.error(S, row.row, 'required', `按条件必填（required = ${c.required}）没有对应：请写 yes，并用 relevant 控制显示（隐藏的题不必填）`);
    }
    const ui: Record<string, unknown> = {};
    const help = text(row, 'hint', `field:${key}.help`);
    if (help) ui['ui:help'] = help;
    // A multiple choice shows as checkboxes (README: the form-definition format).
    const widget = appearanceWidget(c.appearance, type, S, row, report) ?? (type.kind === 'select_multiple' ? 'checkboxes' : null);
    if (widget) ui['ui:widget'] = widget;
    const uiScope = table ? table.ui : out.uiSchema;
    if (Object.keys(ui).length > 0) uiScope[name] = ui;
    mergeUiJson(uiScope, name, c.ui_json, S, row, report);
    if (!table) section?.fields.push(name);
    out.fields.push({ key, row, type, table: table?.key ?? null });
  }
  if (table) report.error(S, (table as OpenTable).row.row, 'type', `重复组“${(table as OpenTable).key}”没有 end repeat`);
  closeTable();
  if (section) report.error(S, out.sectionRows.get(section.id)!.row, 'type', `分组“${section.id}”没有 end group`);
  return out;
}

function appearanceWidget(appearance: string | undefined, type: RowType, sheet: string, row: SheetRow, report: Report): string | null {
  if (!appearance) return null;
  let widget: string | null = null;
  for (const word of appearance.split(/\s+/)) {
    if (word === 'multiline' || word === 'textarea') widget = 'textarea';
    else if (word === 'money') widget = 'money';
    else if (word === 'signature' && type.kind === 'signature') continue;
    else if (COSMETIC_APPEARANCES.has(word)) report.warning(sheet, row.row, 'appearance', `外观“${word}”只影响 ODK 中的显示，已忽略`);
    else report.warning(sheet, row.row, 'appearance', `外观“${word}”不认识，已忽略`);
  }
  return widget;
}

function mergeUiJson(ui: Record<string, unknown>, name: string, json: string | undefined, sheet: string, row: SheetRow, report: Report): void {
  if (json === undefined) return;
  let extra: unknown;
  try { extra = JSON.parse(json); } catch { report.error(sheet, row.row, 'ui_json', 'ui_json 不是有效的 JSON'); return; }
  if (extra === null || typeof extra !== 'object' || Array.isArray(extra)) { report.error(sheet, row.row, 'ui_json', 'ui_json 应为 JSON 对象'); return; }
  ui[name] = { ...(ui[name] as object ?? {}), ...(extra as object) };
}
