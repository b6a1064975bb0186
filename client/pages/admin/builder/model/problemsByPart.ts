// The checker's problems (JSON Pointers into the definition) placed next to the part of the form
// they concern: a field ("field:A28", "field:members.A7"), a section ("section:basic"), or the
// form as a whole ("form"). The builder shows each where the administrator is looking.
import type { DefinitionProblem, FormDefinition } from '@engine';

const unescapeSegment = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function partOf(definition: FormDefinition, path: string): string {
  const parts = path.split('/').slice(1).map(unescapeSegment);
  const [top, a, b, c, d, e] = parts;
  if (top === 'schema' && a === 'properties' && b) {
    if (c === 'items' && d === 'properties' && e) return `field:${b}.${e}`;
    return `field:${b}`;
  }
  if (top === 'schema' && a === 'required') return 'form';
  if (top === 'uiSchema' && a) {
    if (b === 'items' && c) return `field:${a}.${c}`;
    return `field:${a}`;
  }
  if (top === 'sections' && a !== undefined) {
    const section = definition.sections?.[Number(a)];
    if (b === 'fields' && c !== undefined && section?.fields[Number(c)]) return `section:${section.id}`;
    return section ? `section:${section.id}` : 'form';
  }
  if (top === 'rules' && (a === 'visibility' || a === 'computed' || a === 'validations') && b !== undefined) {
    const rule = (definition.rules?.[a] as { field?: string; section?: string }[] | undefined)?.[Number(b)];
    if (rule?.field) return `field:${rule.field}`;
    if (rule?.section) return `section:${rule.section}`;
  }
  if (top === 'registry' && a === 'prefill' && b !== undefined) {
    const mapping = definition.registry?.prefill?.[Number(b)];
    if (mapping) return `field:${mapping.field}`;
  }
  return 'form';
}

export function problemsByPart(definition: FormDefinition, problems: DefinitionProblem[]): Map<string, DefinitionProblem[]> {
  const out = new Map<string, DefinitionProblem[]>();
  for (const p of problems) {
    const part = partOf(definition, p.path);
    out.set(part, [...(out.get(part) ?? []), p]);
  }
  return out;
}

/** The rule a problem path points into, for showing it beside that rule's editor ("/rules/validations/3/assert" -> validations 3). */
export function ruleOfProblem(path: string): { kind: 'visibility' | 'computed' | 'validations'; index: number; part: string } | null {
  const m = /^\/rules\/(visibility|computed|validations)\/(\d+)(?:\/(\w+))?/.exec(path);
  return m ? { kind: m[1] as 'visibility' | 'computed' | 'validations', index: Number(m[2]), part: m[3] ?? '' } : null;
}
