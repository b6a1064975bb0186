// Walks a form's JSON Schema once and names every field by its dotted key: top-level fields
// ("A28"), nested object fields ("address.county"), tables (arrays of objects, "members") and
// their columns ("members.A7"). Rules, messages, exports and the renderer all find a field's
// title, type and options here.
import { MAX_FIELD_DEPTH } from '../budget/limits';
import { RESERVED_NAMES } from '../ownValue';
import type { JsonSchema } from '../types';

export type FieldKind = 'leaf' | 'table' | 'object';

export interface FieldInfo {
  key: string;
  /** The last segment of the key: the seed's field code ("A7"). */
  code: string;
  /** The schema's title ("A7 居民身份证（残疾人证）号码"), or the code. */
  title: string;
  schema: JsonSchema;
  kind: FieldKind;
  /** For a column: the key of its table. */
  table: string | null;
  parent: string | null;
  readOnly: boolean;
  required: boolean;
}

export interface FieldIndex {
  fields: Map<string, FieldInfo>;
  /** Keys of the top-level properties, in schema order. */
  topLevel: string[];
  tables: string[];
  /** Where a schema could not be walked (a table inside a table, a bad $ref): for the checker. */
  unsupported: { key: string; message: string }[];
}

export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function resolveRef(schema: unknown, root: JsonSchema): JsonSchema | null {
  let current = schema as JsonSchema | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 8; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return null;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      if (target === null || typeof target !== 'object' || !Object.hasOwn(target, key)) return null;
      target = (target as Record<string, unknown>)[key];
    }
    if (target === null || typeof target !== 'object') return null;
    current = { ...(target as JsonSchema), ...omit(current, '$ref') };
  }
  return current && typeof current === 'object' ? current : null;
}

function omit(schema: JsonSchema, key: string): JsonSchema {
  const { [key]: _dropped, ...rest } = schema;
  return rest;
}

function isObjectSchema(schema: JsonSchema): boolean {
  return schema.type === 'object' || (schema.type === undefined && typeof schema.properties === 'object');
}

export function buildFieldIndex(root: JsonSchema): FieldIndex {
  const index: FieldIndex = { fields: new Map(), topLevel: [], tables: [], unsupported: [] };
  walkObject(root, root, '', null, null, index);
  return index;
}

function walkObject(
  objectSchema: JsonSchema,
  root: JsonSchema,
  prefix: string,
  table: string | null,
  parent: string | null,
  index: FieldIndex,
): void {
  const properties = objectSchema.properties;
  if (properties === null || typeof properties !== 'object') return;
  const required = new Set(Array.isArray(objectSchema.required) ? (objectSchema.required as string[]) : []);
  for (const [name, raw] of Object.entries(properties as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${name}` : name;
    const schema = resolveRef(raw, root);
    if (!schema) {
      index.unsupported.push({ key, message: `字段 ${key} 的 schema 无法解析（$ref 只能指向本文件内的定义）` });
      continue;
    }
    if (!FIELD_NAME.test(name)) {
      index.unsupported.push({ key, message: `字段名 "${name}" 只能由字母、数字和下划线组成，并以字母开头` });
    } else if (RESERVED_NAMES.has(name)) {
      index.unsupported.push({ key, message: `"${name}" 是保留名称，不能用作字段编码` });
    }
    const items = schema.type === 'array' ? resolveRef(schema.items, root) : null;
    const kind: FieldKind = items && isObjectSchema(items) ? 'table' : isObjectSchema(schema) ? 'object' : 'leaf';
    index.fields.set(key, {
      key,
      code: name,
      title: typeof schema.title === 'string' ? schema.title : name,
      schema,
      kind,
      table,
      parent,
      readOnly: schema.readOnly === true,
      required: required.has(name),
    });
    if (!prefix) index.topLevel.push(key);
    if (kind !== 'leaf' && key.split('.').length >= MAX_FIELD_DEPTH) {
      index.unsupported.push({ key, message: `字段 ${key} 嵌套过深：超过 ${MAX_FIELD_DEPTH} 层（$ref 是否指向了自身？）` });
      continue;
    }
    if (kind === 'table') {
      if (table) {
        index.unsupported.push({ key, message: `表格 ${table} 中不能再嵌套表格 ${key}` });
        continue;
      }
      index.tables.push(key);
      walkObject(items!, root, key, key, key, index);
    } else if (kind === 'object') {
      walkObject(schema, root, key, table, key, index);
    }
  }
}

/** "/members/2/A7" -> "members.A7"; "/A28" -> "A28". */
export function keyOfPointer(pointer: string): string {
  const parts: string[] = [];
  for (const raw of pointer.split('/').slice(1)) {
    if (/^\d+$/.test(raw)) continue;
    parts.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return parts.join('.');
}

export interface OptionLabel {
  value: unknown;
  label: string;
}

/** The choices a field offers, with their labels: enum, oneOf of consts, booleans as 是/否. */
export function optionsOf(schema: JsonSchema): OptionLabel[] | null {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => ({ value, label: String(value) }));
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : null;
  if (branches?.every((b) => b && typeof b === 'object' && 'const' in b)) {
    return (branches as JsonSchema[]).map((b) => ({ value: b.const, label: typeof b.title === 'string' ? b.title : String(b.const) }));
  }
  if (schema.type === 'boolean') return [{ value: true, label: '是' }, { value: false, label: '否' }];
  return null;
}

/** The label of a value as an officer reads it ("2" -> "婚入", true -> "是", arrays joined). */
export function labelOf(schema: JsonSchema, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    const items = schema.items && typeof schema.items === 'object' ? (schema.items as JsonSchema) : {};
    return value.map((v) => labelOf(items, v)).join('、');
  }
  const options = optionsOf(schema);
  const option = options?.find((o) => o.value === value);
  if (option) return option.label;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
