// The uiSchema the renderer uses: the definition's own, completed with the widget each field's
// schema calls for (yes/no buttons for booleans, the ID input for resident IDs, a month picker
// for year-months, buttons or a list for choices, the camera, signature pad or location for
// evidence…), so a definition names widgets only where it
// wants something else. Computed fields get the computed display. Pure: no React.
import { evidenceKind, optionsOf, type FormDefinition, type JsonSchema } from '@engine';

type UiNode = Record<string, unknown>;

/** Choices up to this many are shown as buttons; more as a list. */
const BUTTON_CHOICES = 5;

export function widgetFor(schema: JsonSchema, computed: boolean): string | null {
  if (computed || schema.readOnly === true) return 'computed';
  if (schema.type === 'boolean') return 'yesNo';
  // A photo, a list of photos, a signature or a location: each its own widget ("photo", …).
  const evidence = evidenceKind(schema);
  if (evidence) return evidence;
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as JsonSchema;
    return optionsOf(items) ? 'checkboxes' : null;
  }
  const options = optionsOf(schema);
  if (options) return options.length <= BUTTON_CHOICES ? 'choiceButtons' : 'choiceList';
  switch (schema.format) {
    case 'resident-id':
    case 'id-number':
    case 'disability-certificate':
      return 'idNumber';
    case 'mobile-phone':
    case 'phone':
      return 'phone';
    case 'year-month':
      return 'yearMonth';
    case 'date':
      return 'date';
    case 'division-code':
      return 'digits';
  }
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  return null;
}

function complete(schema: JsonSchema, ui: UiNode | undefined, key: string, computed: ReadonlySet<string>): UiNode {
  const node: UiNode = { ...(ui ?? {}) };
  const properties = schema.type === 'object' || schema.properties ? (schema.properties as Record<string, JsonSchema> | undefined) : undefined;
  if (properties) {
    for (const [name, child] of Object.entries(properties)) {
      node[name] = complete(child, ui?.[name] as UiNode | undefined, key ? `${key}.${name}` : name, computed);
    }
    return node;
  }
  const items = schema.type === 'array' ? (schema.items as JsonSchema | undefined) : undefined;
  if (items && (items.type === 'object' || items.properties)) {
    node.items = complete(items, ui?.items as UiNode | undefined, key, computed);
    return node;
  }
  const named = node['ui:widget'];
  if (computed.has(key) || schema.readOnly === true) {
    // A computed money value keeps its unit: the display reads ui:options.money.
    node['ui:options'] = { ...(node['ui:options'] as UiNode | undefined), money: named === 'money' };
    node['ui:widget'] = 'computed';
  } else if (named === undefined) {
    const widget = widgetFor(schema, false);
    if (widget) node['ui:widget'] = widget;
  }
  return node;
}

export function buildUiSchema(definition: FormDefinition): UiNode {
  const computed = new Set((definition.rules?.computed ?? []).map((r) => r.field));
  const ui = complete(definition.schema, definition.uiSchema as UiNode | undefined, '', computed);
  return { ...ui, 'ui:submitButtonOptions': { norender: true } };
}
