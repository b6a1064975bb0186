// The translatable texts of a definition, each under a stable text key (the keys a definition's
// `translations` and an XLSForm's label::xx columns use):
//   title, description                      the form's
//   field:<path>.title / .description       a field's schema title and description ("A28", "members.A16")
//   field:<path>.help                       its uiSchema ui:help
//   field:<path>.option:<value>             a choice's label (value as stored: "脱贫户", "2")
//   section:<id>.title / .description
//   rule:<id>.message                       a validation's message ({{…}} placeholders kept)
//   param:<name>.title                      a campaign parameter's title
// One walk (visitTexts) serves both listing the texts and writing translations into a copy.
import type { FormDefinition, JsonSchema } from '../types';

/** A text of the definition: its key and the Chinese text (the definition's own). */
export interface TextEntry {
  key: string;
  zh: string;
}

/** Called once per text; `set` replaces the text where it sits (in the object the walk was given). */
export type TextVisitor = (key: string, zh: string, set: (text: string) => void) => void;

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

function visitString(owner: Node, property: string, key: string, visit: TextVisitor): void {
  const text = owner[property];
  if (typeof text === 'string' && text !== '') visit(key, text, (t) => { owner[property] = t; });
}

/** A choice list's options: enum values (labelled by their value) or oneOf/anyOf consts with titles. */
function visitOptions(schema: JsonSchema, path: string, visit: TextVisitor): void {
  if (Array.isArray(schema.enum)) {
    const values = [...schema.enum];
    values.forEach((value, i) => {
      visit(`field:${path}.option:${String(value)}`, String(value), (t) => {
        // A plain enum has no place for a label: it becomes the same choice written as consts.
        if (Array.isArray(schema.enum)) {
          delete schema.enum;
          schema.oneOf = values.map((v) => ({ const: v, title: String(v) }));
        }
        (schema.oneOf as Node[])[i]!.title = t;
      });
    });
    return;
  }
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : null;
  if (!branches?.every((b) => isNode(b) && 'const' in b)) return;
  for (const branch of branches as Node[]) {
    const zh = typeof branch.title === 'string' ? branch.title : String(branch.const);
    visit(`field:${path}.option:${String(branch.const)}`, zh, (t) => { branch.title = t; });
  }
}

function visitProperties(schema: JsonSchema, ui: Node | undefined, prefix: string, visit: TextVisitor): void {
  const properties = schema.properties;
  if (!isNode(properties)) return;
  for (const [name, child] of Object.entries(properties)) {
    if (!isNode(child)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const childUi = isNode(ui?.[name]) ? (ui[name] as Node) : undefined;
    visitString(child, 'title', `field:${path}.title`, visit);
    visitString(child, 'description', `field:${path}.description`, visit);
    if (childUi) visitString(childUi, 'ui:help', `field:${path}.help`, visit);
    const items = child.type === 'array' && isNode(child.items) ? (child.items as JsonSchema) : null;
    if (items && isNode(items.properties)) {
      visitProperties(items, isNode(childUi?.items) ? (childUi.items as Node) : undefined, path, visit);
    } else if (isNode(child.properties)) {
      visitProperties(child, childUi, path, visit);
    } else {
      visitOptions(items ?? child, path, visit);
    }
  }
}

/** Walks every translatable text of `definition` (in place: `set` writes into it). */
export function visitTexts(definition: FormDefinition, visit: TextVisitor): void {
  const def = definition as unknown as Node;
  visitString(def, 'title', 'title', visit);
  visitString(def, 'description', 'description', visit);
  for (const [name, parameter] of Object.entries(definition.parameters ?? {})) visitString(parameter as unknown as Node, 'title', `param:${name}.title`, visit);
  for (const section of definition.sections ?? []) {
    visitString(section as unknown as Node, 'title', `section:${section.id}.title`, visit);
    visitString(section as unknown as Node, 'description', `section:${section.id}.description`, visit);
  }
  visitProperties(definition.schema, isNode(definition.uiSchema) ? (definition.uiSchema as Node) : undefined, '', visit);
  for (const rule of definition.rules?.validations ?? []) visitString(rule as unknown as Node, 'message', `rule:${rule.id}.message`, visit);
}

/** Every translatable text of the definition, in the order a reader meets them. */
export function textKeys(definition: FormDefinition): TextEntry[] {
  const entries: TextEntry[] = [];
  visitTexts(definition, (key, zh) => entries.push({ key, zh }));
  return entries;
}
