// A field's entry in the definition's uiSchema, found by the field's dotted key: a table's column
// lives under the table's `items` ("members.A6" → uiSchema.members.items.A6), a nested object's
// field under the object. The engine reads only what a definition marks there for it (money, the
// filler's fields, what follows from an ID number); the rest is the renderer's.
import type { FormDefinition } from '../types';
import type { FieldIndex } from './fieldIndex';

type UiNode = Record<string, unknown>;

const isNode = (value: unknown): value is UiNode => value !== null && typeof value === 'object' && !Array.isArray(value);

export function uiNodeOf(definition: FormDefinition, index: FieldIndex, key: string): UiNode | null {
  let node: unknown = definition.uiSchema ?? {};
  const parts = key.split('.');
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    if (!isNode(node) || !Object.hasOwn(node, name)) return null;
    node = node[name];
    // Past a table's own key, its columns are under `items`.
    if (i < parts.length - 1 && index.fields.get(parts.slice(0, i + 1).join('.'))?.kind === 'table') {
      node = isNode(node) && Object.hasOwn(node, 'items') ? node.items : null;
    }
  }
  return isNode(node) ? node : null;
}

/** The field's `ui:options` (an empty object when none). */
export function uiOptionsOf(definition: FormDefinition, index: FieldIndex, key: string): UiNode {
  const options = uiNodeOf(definition, index, key)?.['ui:options'];
  return isNode(options) ? options : {};
}
