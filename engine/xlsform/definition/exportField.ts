// One field's schema and uiSchema to the cells of its survey row (type, choices, this product's
// columns), the reverse of fieldSchema: what no column says is kept in schema_json / ui_json, so an
// exported workbook imports back to the same field.
import type { JsonSchema } from '../../types';

export interface FieldCells {
  cells: Record<string, string>;
  /** The options of a select, for the choices sheet: value as stored, label. */
  options?: { list: string; values: { value: string; label: string }[] };
}

const FORMAT_TYPES: Record<string, string> = { date: 'date', 'year-month': 'year_month', photo: 'image', signature: 'image', location: 'geopoint' };

function optionsOf(schema: JsonSchema): { value: string; label: string }[] | null {
  if (schema.type !== 'string') return null;
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) return (schema.enum as string[]).map((v) => ({ value: v, label: v }));
  if (Array.isArray(schema.oneOf) && schema.oneOf.every((o) => o && typeof (o as JsonSchema).const === 'string' && Object.keys(o as object).every((k) => k === 'const' || k === 'title'))) {
    return (schema.oneOf as JsonSchema[]).map((o) => ({ value: o.const as string, label: typeof o.title === 'string' ? o.title : (o.const as string) }));
  }
  return null;
}

function numberCells(schema: JsonSchema, cells: Record<string, string>, used: Set<string>): void {
  const pairs: [string, string][] = [['minimum', 'min'], ['maximum', 'max'], ['minLength', 'min_length'], ['maxLength', 'max_length']];
  for (const [keyword, column] of pairs) {
    if (typeof schema[keyword] === 'number') { cells[column] = String(schema[keyword]); used.add(keyword); }
  }
  if (typeof schema.pattern === 'string') { cells.pattern = schema.pattern; used.add('pattern'); }
}

function defaultCell(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(' ');
  return String(value);
}

/** The cells of a question row (not name, label, hint, rules: the caller writes those). */
export function fieldCells(key: string, schema: JsonSchema): FieldCells {
  const cells: Record<string, string> = {};
  const used = new Set(['title', 'description', 'readOnly', 'type']);
  const list = key.replace(/\./g, '_');
  let options: FieldCells['options'];
  const single = optionsOf(schema);
  const items = (schema.type === 'array' ? schema.items : undefined) as JsonSchema | undefined;
  const multiple = items ? optionsOf(items) : null;
  if (single) {
    cells.type = `select_one ${list}`;
    options = { list, values: single };
    used.add('enum').add('oneOf');
  } else if (multiple && schema.uniqueItems === true && Object.keys(items!).every((k) => ['type', 'enum', 'oneOf'].includes(k))) {
    cells.type = `select_multiple ${list}`;
    options = { list, values: multiple };
    used.add('items').add('uniqueItems');
  } else if (items && items.type === 'string' && (items.format === 'photo' || items.format === 'signature') && Object.keys(items).length === 2) {
    cells.type = 'image';
    if (items.format === 'signature') cells.appearance = 'signature';
    used.add('items');
    if (schema.minItems === undefined && schema.maxItems === undefined) cells.min_rows = '0';
  } else if (schema.type === 'boolean') cells.type = 'yes_no';
  else if (schema.type === 'integer') cells.type = 'integer';
  else if (schema.type === 'number') cells.type = 'decimal';
  else if (schema.type === 'string') {
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    cells.type = (format && FORMAT_TYPES[format]) ?? 'text';
    if (format === 'signature') cells.appearance = 'signature';
    if (format && !FORMAT_TYPES[format]) cells.format = format;
    if (format) used.add('format');
  } else {
    cells.type = 'text';
    used.delete('type');
  }
  numberCells(schema, cells, used);
  for (const [keyword, column] of [['minItems', 'min_rows'], ['maxItems', 'max_rows']] as const) {
    if (typeof schema[keyword] === 'number' && schema.type === 'array') { cells[column] = String(schema[keyword]); used.add(keyword); }
  }
  if (schema.default !== undefined && (typeof schema.default !== 'object' || Array.isArray(schema.default))) {
    cells.default = defaultCell(schema.default);
    used.add('default');
  }
  const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => !used.has(k)));
  if (Object.keys(rest).length > 0) cells.schema_json = JSON.stringify(rest);
  return { cells, ...(options ? { options } : {}) };
}

/** ui:help and ui:widget to hint and appearance (a multiple choice's checkboxes go without saying); anything else of the field's uiSchema to ui_json. */
export function uiCells(ui: Record<string, unknown> | undefined, cells: Record<string, string>): string | undefined {
  const multiple = cells.type?.startsWith('select_multiple ') ?? false;
  if (!ui) return undefined;
  const rest: Record<string, unknown> = {};
  let help: string | undefined;
  for (const [k, v] of Object.entries(ui)) {
    if (k === 'ui:help' && typeof v === 'string') help = v;
    else if (k === 'ui:widget' && v === 'textarea') cells.appearance = 'multiline';
    else if (k === 'ui:widget' && v === 'money') cells.appearance = 'money';
    else if (k === 'ui:widget' && v === 'checkboxes' && multiple) continue;
    else if (k !== 'items') rest[k] = v;
  }
  if (Object.keys(rest).length > 0) cells.ui_json = JSON.stringify(rest);
  return help;
}
