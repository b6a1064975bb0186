// The kinds of field an administrator picks from, and how each maps to the definition format
// (README, "Fields: the schema"): text -> string with maxLength, long text -> string + textarea,
// money -> number ≥ 0 (typed; computed: no bound) + money widget, single choice -> enum (or oneOf const/title with codes),
// multiple choice -> array of enum + uniqueItems + checkboxes, yes/no -> boolean, resident ID ->
// format id-number, phone -> phone, division -> division-code, table -> array of objects, photo ->
// format photo (several: an array of them with maxItems), signature -> format signature, location
// -> format location (issue 16; their ui:options are set in TypeSettings).
import { evidenceKind, type JsonSchema } from '@engine';
import { isTable, type UiNode } from './fieldPaths';

export type FieldType =
  | 'text' | 'textarea' | 'number' | 'money' | 'date' | 'year-month' | 'choice' | 'multi' | 'boolean' | 'id' | 'phone' | 'division' | 'table'
  | 'photo' | 'signature' | 'location' | 'other';

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: '文字', textarea: '长文字（多行）', number: '数字', money: '金额（元）', date: '日期', 'year-month': '年月',
  choice: '单选', multi: '多选', boolean: '是/否', id: '证件号码', phone: '电话', division: '行政区划代码', table: '表格（多行）',
  photo: '照片', signature: '签字', location: '位置', other: '其他（请用 JSON 编辑）',
};

/** The choices offered when adding or changing a field (a column cannot be a table). */
export const FIELD_TYPES: FieldType[] = ['text', 'textarea', 'number', 'money', 'date', 'year-month', 'choice', 'multi', 'boolean', 'id', 'phone', 'division', 'photo', 'signature', 'location', 'table'];

const ID_FORMATS = new Set(['id-number', 'resident-id', 'disability-certificate']);
const OWN_WIDGETS = new Set(['money', 'textarea', 'checkboxes', 'photo', 'signature', 'location']);
/** The ui:options only an evidence kind reads: dropped when the field becomes something else. */
const EVIDENCE_OPTIONS: Partial<Record<FieldType, string[]>> = { photo: ['maxSide', 'quality'], signature: ['signer'] };

function hasOptions(schema: JsonSchema): boolean {
  return Array.isArray(schema.enum) || (Array.isArray(schema.oneOf) && schema.oneOf.every((b) => b && typeof b === 'object' && 'const' in b));
}

export function fieldTypeOf(schema: JsonSchema, ui: UiNode = {}): FieldType {
  if (isTable(schema)) return 'table';
  const evidence = evidenceKind(schema);
  if (evidence) return evidence;
  if (schema.type === 'array') return hasOptions((schema.items ?? {}) as JsonSchema) ? 'multi' : 'other';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'number' || schema.type === 'integer') return ui['ui:widget'] === 'money' ? 'money' : 'number';
  if (schema.type === 'string' || schema.type === undefined) {
    if (hasOptions(schema)) return 'choice';
    const format = schema.format as string | undefined;
    if (format === 'date') return 'date';
    if (format === 'year-month') return 'year-month';
    if (format && ID_FORMATS.has(format)) return 'id';
    if (format === 'phone' || format === 'mobile-phone') return 'phone';
    if (format === 'division-code') return 'division';
    if (format === undefined) return ui['ui:widget'] === 'textarea' ? 'textarea' : 'text';
  }
  return 'other';
}

const KEEP = ['title', 'description', 'readOnly'];

/** The options a choice keeps when its type changes (labels only). */
function labelsOf(schema: JsonSchema): string[] {
  const source = schema.type === 'array' ? ((schema.items ?? {}) as JsonSchema) : schema;
  if (Array.isArray(source.enum)) return source.enum.map(String);
  if (Array.isArray(source.oneOf)) return (source.oneOf as JsonSchema[]).map((b) => String(b.title ?? b.const));
  return [];
}

/** A field's schema once its type changes: title and read-only kept, the rest as the type needs. */
export function schemaForType(type: FieldType, previous: JsonSchema): JsonSchema {
  const base: JsonSchema = Object.fromEntries(KEEP.filter((k) => previous[k] !== undefined).map((k) => [k, previous[k]]));
  const labels = labelsOf(previous);
  const options = labels.length > 0 ? labels : ['选项1', '选项2'];
  switch (type) {
    case 'text': return { type: 'string', ...base, maxLength: typeof previous.maxLength === 'number' ? previous.maxLength : 50 };
    case 'textarea': return { type: 'string', ...base, maxLength: 2000 };
    case 'number': return { type: previous.type === 'integer' ? 'integer' : 'number', ...base };
    // An amount the officer types is at least 0; a computed one gets no implicit bound (its formula
    // may go negative, 51 = (1+20+23+26)-47-50, and a bound there would block every submit).
    case 'money': return previous.readOnly === true ? { type: 'number', ...base } : { type: 'number', ...base, minimum: 0 };
    case 'date': return { type: 'string', ...base, format: 'date' };
    case 'year-month': return { type: 'string', ...base, format: 'year-month' };
    case 'choice': return fieldTypeOf(previous) === 'choice' ? previous : { type: 'string', ...base, enum: options };
    case 'multi': return { type: 'array', ...base, items: { type: 'string', enum: options }, uniqueItems: true };
    case 'boolean': return { type: 'boolean', ...base };
    case 'id': return { type: 'string', ...base, format: 'id-number' };
    case 'phone': return { type: 'string', ...base, format: 'phone' };
    case 'division': return { type: 'string', ...base, format: 'division-code' };
    // One photo; the photo settings make it several (an array with maxItems).
    case 'photo': return fieldTypeOf(previous) === 'photo' ? previous : { type: 'string', ...base, format: 'photo' };
    case 'signature': return { type: 'string', ...base, format: 'signature' };
    case 'location': return { type: 'string', ...base, format: 'location' };
    case 'table': return isTable(previous) ? previous : {
      type: 'array', ...base, items: { type: 'object', properties: { C1: { type: 'string', title: 'C1 第一列', maxLength: 50 } } },
    };
    default: return previous;
  }
}

/** The uiSchema node once the type changes: the widget the type calls for, other settings kept. */
export function uiForType(type: FieldType, previous: UiNode): UiNode {
  const node: UiNode = { ...previous };
  if (typeof node['ui:widget'] === 'string' && OWN_WIDGETS.has(node['ui:widget'])) delete node['ui:widget'];
  if (type === 'money') node['ui:widget'] = 'money';
  if (type === 'textarea') node['ui:widget'] = 'textarea';
  if (type === 'multi') node['ui:widget'] = 'checkboxes';
  if (type !== 'table') delete node.items;
  const options = node['ui:options'] as UiNode | undefined;
  if (options) {
    const kept = { ...options };
    for (const [kind, keys] of Object.entries(EVIDENCE_OPTIONS)) if (kind !== type) for (const key of keys) delete kept[key];
    if (Object.keys(kept).length) node['ui:options'] = kept;
    else delete node['ui:options'];
  }
  return node;
}
