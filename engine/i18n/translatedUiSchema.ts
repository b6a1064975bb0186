// A form's texts in a language for a renderer that must keep the schema as it is (rjsf's
// precompiled validator is keyed by the schema's hash, so a translated schema would find no
// validator): the translations go into the uiSchema instead — ui:title, ui:description, ui:help,
// ui:enumNames for a plain enum, and a oneOf/anyOf branch's ui:title. displayDefinition puts it
// together: the translated definition (sections, rule messages) with the original schema.
import type { FormDefinition, JsonSchema } from '../types';
import { DEFAULT_LANGUAGE } from './languages';
import { translateDefinition } from './translateDefinition';

type Node = Record<string, unknown>;
type Table = Readonly<Record<string, string>>;

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

function text(table: Table, key: string): string | undefined {
  const found = Object.hasOwn(table, key) ? table[key] : undefined;
  return typeof found === 'string' && found.trim() !== '' ? found : undefined;
}

function optionTexts(schema: JsonSchema, path: string, table: Table, node: Node): void {
  if (Array.isArray(schema.enum)) {
    const names = schema.enum.map((v) => text(table, `field:${path}.option:${String(v)}`));
    if (names.some((n) => n !== undefined)) node['ui:enumNames'] = schema.enum.map((v, i) => names[i] ?? String(v));
    return;
  }
  for (const alternative of ['oneOf', 'anyOf'] as const) {
    const branches = schema[alternative];
    if (!Array.isArray(branches) || !branches.every((b) => isNode(b) && 'const' in b)) continue;
    const own = Array.isArray(node[alternative]) ? (node[alternative] as unknown[]) : [];
    node[alternative] = (branches as Node[]).map((branch, i) => {
      const title = text(table, `field:${path}.option:${String(branch.const)}`);
      const ui = isNode(own[i]) ? { ...(own[i] as Node) } : {};
      return title === undefined ? ui : { ...ui, 'ui:title': title };
    });
  }
}

function overlay(schema: JsonSchema, ui: Node | undefined, prefix: string, table: Table): Node {
  const node: Node = { ...(ui ?? {}) };
  const properties = schema.properties;
  if (!isNode(properties)) return node;
  for (const [name, raw] of Object.entries(properties)) {
    if (!isNode(raw)) continue;
    const child = raw as JsonSchema;
    const path = prefix ? `${prefix}.${name}` : name;
    const own = isNode(node[name]) ? (node[name] as Node) : undefined;
    const items = child.type === 'array' && isNode(child.items) ? (child.items as JsonSchema) : null;
    const field: Node = items && isNode(items.properties)
      ? { ...(own ?? {}), items: overlay(items, isNode(own?.items) ? (own.items as Node) : undefined, path, table) }
      : isNode(child.properties) ? overlay(child, own, path, table) : { ...(own ?? {}) };
    if (!isNode(child.properties) && !(items && isNode(items.properties))) optionTexts(items ?? child, path, table, field);
    const title = text(table, `field:${path}.title`);
    const description = text(table, `field:${path}.description`);
    const help = text(table, `field:${path}.help`);
    if (title !== undefined) field['ui:title'] = title;
    if (description !== undefined) field['ui:description'] = description;
    if (help !== undefined) field['ui:help'] = help;
    node[name] = field;
  }
  return node;
}

/** The definition's uiSchema with its texts in `language` (the definition's own for Chinese). */
export function translatedUiSchema(definition: FormDefinition, language: string): { [key: string]: unknown } | undefined {
  const table = definition.translations?.[language];
  if (language === DEFAULT_LANGUAGE || !table) return definition.uiSchema;
  return overlay(definition.schema, definition.uiSchema, '', table);
}

const shown = new WeakMap<FormDefinition, Map<string, FormDefinition>>();

/** What a renderer shows in `language`: translated texts, the original schema, texts in the uiSchema. */
export function displayDefinition(definition: FormDefinition, language: string): FormDefinition {
  if (language === DEFAULT_LANGUAGE || !definition.translations?.[language]) return definition;
  let byLanguage = shown.get(definition);
  if (!byLanguage) shown.set(definition, (byLanguage = new Map()));
  let display = byLanguage.get(language);
  if (!display) {
    display = { ...translateDefinition(definition, language), schema: definition.schema, uiSchema: translatedUiSchema(definition, language) };
    byLanguage.set(language, display);
  }
  return display;
}
