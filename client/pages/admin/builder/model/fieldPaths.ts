// Where a field lives in a definition, by its dotted key ("A28", "members.A7"): its schema, the
// object schema holding it (the root, or a table's row), its uiSchema node, whether it is
// required. Every builder edit goes through these, so a column is edited exactly like a field.
// Functions that change something mutate the definition they are given (a draft's clone).
import type { FormDefinition, JsonSchema } from '@engine';

export type UiNode = Record<string, unknown>;

export const FIELD_CODE = /^[A-Za-z][A-Za-z0-9_]*$/;

export function splitKey(key: string): { table: string | null; name: string } {
  const dot = key.indexOf('.');
  return dot < 0 ? { table: null, name: key } : { table: key.slice(0, dot), name: key.slice(dot + 1) };
}

/** The object schema whose properties hold the field: the root, or the table's row schema. */
export function holderOf(definition: FormDefinition, table: string | null): JsonSchema | null {
  if (table === null) return definition.schema;
  const tableSchema = (definition.schema.properties as Record<string, JsonSchema> | undefined)?.[table];
  const items = tableSchema?.items as JsonSchema | undefined;
  return items && typeof items === 'object' ? items : null;
}

export function propertiesOf(holder: JsonSchema): Record<string, JsonSchema> {
  holder.properties ??= {};
  return holder.properties as Record<string, JsonSchema>;
}

export function fieldSchema(definition: FormDefinition, key: string): JsonSchema | null {
  const { table, name } = splitKey(key);
  const holder = holderOf(definition, table);
  return (holder?.properties as Record<string, JsonSchema> | undefined)?.[name] ?? null;
}

/** The keys of a holder's fields, in order ("members.A5"… for a table). */
export function fieldKeys(definition: FormDefinition, table: string | null): string[] {
  const holder = holderOf(definition, table);
  return Object.keys((holder?.properties as object | undefined) ?? {}).map((name) => (table ? `${table}.${name}` : name));
}

export function isTable(schema: JsonSchema | null): boolean {
  const items = schema?.type === 'array' ? (schema.items as JsonSchema | undefined) : undefined;
  return !!items && typeof items === 'object' && (items.type === 'object' || typeof items.properties === 'object');
}

export function isRequired(definition: FormDefinition, key: string): boolean {
  const { table, name } = splitKey(key);
  const required = holderOf(definition, table)?.required;
  return Array.isArray(required) && required.includes(name);
}

export function setRequired(definition: FormDefinition, key: string, required: boolean): void {
  const { table, name } = splitKey(key);
  const holder = holderOf(definition, table);
  if (!holder) return;
  const list = (Array.isArray(holder.required) ? holder.required : []).filter((n: string) => n !== name) as string[];
  if (required) list.push(name);
  if (list.length > 0) holder.required = list;
  else delete holder.required;
}

/** The field's uiSchema node (read only; {} when it has none). */
export function uiOf(definition: FormDefinition, key: string): UiNode {
  const { table, name } = splitKey(key);
  const root = (definition.uiSchema ?? {}) as UiNode;
  const node = table ? ((root[table] as UiNode | undefined)?.items as UiNode | undefined)?.[name] : root[name];
  return (node ?? {}) as UiNode;
}

/** Replaces the field's uiSchema node; an empty node is removed. */
export function setUi(definition: FormDefinition, key: string, node: UiNode): void {
  const { table, name } = splitKey(key);
  definition.uiSchema ??= {};
  const root = definition.uiSchema as UiNode;
  let parent = root;
  if (table) {
    const tableNode = (root[table] ??= {}) as UiNode;
    parent = (tableNode.items ??= {}) as UiNode;
  }
  if (Object.keys(node).length === 0) delete parent[name];
  else parent[name] = node;
  if (table) {
    const tableNode = root[table] as UiNode;
    if (Object.keys(tableNode.items as UiNode).length === 0) delete tableNode.items;
    if (Object.keys(tableNode).length === 0) delete root[table];
  }
  if (Object.keys(root).length === 0) delete definition.uiSchema;
}

/** "A28 工资性收入（元）" -> label "工资性收入（元）", shown with its code. */
export function splitTitle(code: string, title: string | undefined): { label: string; withCode: boolean } {
  if (title === undefined || title === code) return { label: '', withCode: true };
  if (title.startsWith(`${code} `)) return { label: title.slice(code.length + 1), withCode: true };
  return { label: title, withCode: false };
}

export function joinTitle(code: string, label: string, withCode: boolean): string {
  const trimmed = label.trim();
  if (!withCode) return trimmed || code;
  return trimmed ? `${code} ${trimmed}` : code;
}

/** Seed-style codes (A28, B1, L52, A29a) carry the code in the title; plain names (address) do not. */
export const looksLikeSeedCode = (code: string) => /^[A-Z]{1,2}\d+[a-z]?(_\w+)?$/.test(code);
