// One survey row's question type and this product's own columns (format, min, max, lengths, rows,
// schema_json) to the field's JSON Schema; and back (xlsTypeOf), for the export. XLSForm's types
// that have an equivalent: text, integer, decimal, date, select_one, select_multiple, calculate,
// image (a photo; appearance "signature": a signature), geopoint (a location); this product adds
// yes_no (是/否) and year_month.
import type { JsonSchema } from '../../types';
import type { SheetRow } from './workbook';

/** Choice lists read from the choices sheet: name -> options (value as stored, label). */
export type ChoiceLists = Map<string, { value: string; label: string; source: SheetRow }[]>;

export interface RowType {
  /** text, phone, integer, decimal, date, year_month, yes_no, select_one, select_multiple, calculate, photo, signature, location. */
  kind: string;
  list?: string;
}

/** XLSForm question types with no equivalent here, with what they are, for the refusal. */
export const REFUSED_TYPES: Record<string, string> = {
  time: '时间（time）', datetime: '日期时间（datetime）', geotrace: '轨迹（geotrace）', geoshape: '区域（geoshape）', audio: '录音（audio）',
  'background-audio': '后台录音（background-audio）', video: '视频（video）', file: '文件（file）', barcode: '条码（barcode）',
  range: '滑块（range）', rank: '排序（rank）', acknowledge: '确认（acknowledge）', trigger: '确认（trigger）', hidden: '隐藏值（hidden）',
  'xml-external': '外部数据（xml-external）', 'csv-external': '外部数据（csv-external）', audit: '审计日志（audit）',
  select_one_from_file: '从文件读取选项（select_one_from_file）', select_multiple_from_file: '从文件读取选项（select_multiple_from_file）',
  'begin loop': '循环（begin loop）', 'begin_loop': '循环（begin loop）', 'select_one_external': '外部选项（select_one_external）',
  'start-geopoint': '开始位置（start-geopoint）', 'entity': '实体（entity）',
};

/** Metadata ODK records by itself; this product records the submission's time and user itself. */
export const METADATA_TYPES = new Set(['start', 'end', 'today', 'deviceid', 'username', 'phonenumber', 'simserial', 'subscriberid', 'email', 'instanceid']);

const FORMATS = new Set(['date', 'year-month', 'resident-id', 'id-number', 'mobile-phone', 'phone', 'division-code', 'photo', 'signature', 'location']);

/** Reads "select_one yes_no", "integer", "image"… (null: a type this import does not know). */
export function parseRowType(type: string, appearance: string | undefined): RowType | null {
  const words = type.trim().split(/\s+/);
  const head = words[0]!.toLowerCase();
  if ((head === 'select_one' || head === 'select_multiple') && words.length === 2) return { kind: head, list: words[1] };
  if (type.trim().toLowerCase() === 'phone number') return { kind: 'phone' };
  if (words.length !== 1) return null;
  const kinds: Record<string, string> = {
    text: 'text', string: 'text', integer: 'integer', int: 'integer', decimal: 'decimal', date: 'date', year_month: 'year_month',
    'phone number': 'phone', phone: 'phone', yes_no: 'yes_no', calculate: 'calculate', image: 'photo', photo: 'photo', signature: 'signature', geopoint: 'location', location: 'location',
  };
  const kind = kinds[head];
  if (kind === 'photo' && appearance?.split(/\s+/).includes('signature')) return { kind: 'signature' };
  return kind ? { kind } : null;
}

export interface FieldColumns {
  format?: string;
  min?: string;
  max?: string;
  min_length?: string;
  max_length?: string;
  pattern?: string;
  min_rows?: string;
  max_rows?: string;
  schema_json?: string;
}

/** The schema of a row (title and description are set by the caller); a string is a problem. */
export type SchemaProblem = { problem: string; column: string };

export function fieldSchema(type: RowType, columns: FieldColumns, lists: ChoiceLists): JsonSchema | SchemaProblem {
  let schema: JsonSchema;
  switch (type.kind) {
    case 'text': schema = { type: 'string' }; break;
    case 'phone': schema = { type: 'string', format: 'phone' }; break;
    case 'integer': schema = { type: 'integer' }; break;
    case 'decimal': schema = { type: 'number' }; break;
    case 'date': schema = { type: 'string', format: 'date' }; break;
    case 'year_month': schema = { type: 'string', format: 'year-month' }; break;
    case 'yes_no': schema = { type: 'boolean' }; break;
    case 'calculate': schema = { type: 'number' }; break;
    case 'photo': case 'signature': case 'location': schema = { type: 'string', format: type.kind }; break;
    case 'select_one': case 'select_multiple': {
      const options = lists.get(type.list!);
      if (!options) return { problem: `选项列表“${type.list}”在 choices 工作表中不存在`, column: 'type' };
      const labelled = options.some((o) => o.label !== '' && o.label !== o.value);
      const one: JsonSchema = labelled
        ? { type: 'string', oneOf: options.map((o) => ({ const: o.value, title: o.label || o.value })) }
        : { type: 'string', enum: options.map((o) => o.value) };
      schema = type.kind === 'select_one' ? one : { type: 'array', items: one, uniqueItems: true };
      break;
    }
    default: return { problem: `题型“${type.kind}”没有对应`, column: 'type' };
  }
  if (columns.format !== undefined) {
    if (!FORMATS.has(columns.format)) return { problem: `格式“${columns.format}”不认识（可用：${[...FORMATS].join('、')}）`, column: 'format' };
    if (schema.type !== 'string') return { problem: '只有文本题可以写 format', column: 'format' };
    schema.format = columns.format;
  }
  const numbers: [keyof FieldColumns, string][] = [['min', 'minimum'], ['max', 'maximum'], ['min_length', 'minLength'], ['max_length', 'maxLength']];
  for (const [column, keyword] of numbers) {
    const text = columns[column];
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isFinite(value)) return { problem: `${column} 应为数字`, column };
    schema[keyword] = value;
  }
  if (columns.pattern !== undefined) schema.pattern = columns.pattern;
  // Several photos, or rows of a multiple choice: min_rows / max_rows bound how many.
  if (columns.min_rows !== undefined || columns.max_rows !== undefined) {
    if ((type.kind === 'photo' || type.kind === 'signature') && schema.type === 'string') schema = { type: 'array', items: schema };
    if (schema.type !== 'array') return { problem: 'min_rows / max_rows 只用于重复组、多选题和多张照片', column: columns.min_rows !== undefined ? 'min_rows' : 'max_rows' };
    if (columns.min_rows !== undefined) schema.minItems = Number(columns.min_rows);
    if (columns.max_rows !== undefined) schema.maxItems = Number(columns.max_rows);
  }
  if (columns.schema_json !== undefined) {
    let extra: unknown;
    try { extra = JSON.parse(columns.schema_json); } catch { return { problem: 'schema_json 不是有效的 JSON', column: 'schema_json' }; }
    if (extra === null || typeof extra !== 'object' || Array.isArray(extra)) return { problem: 'schema_json 应为 JSON 对象', column: 'schema_json' };
    schema = { ...schema, ...(extra as JsonSchema) };
  }
  return schema;
}

/** A table's schema from its columns' schemas. */
export function tableSchema(columns: Record<string, JsonSchema>, required: string[]): JsonSchema & { items: JsonSchema } {
  return { type: 'array', items: { type: 'object', ...(required.length > 0 ? { required } : {}), properties: columns } };
}
