// Every regular expression an administrator writes in a form's schema (`pattern`, the keys of
// `patternProperties`) must run on the linear-time engine (validation/linearRegExp.ts): one with a
// backreference or lookaround is refused here, with the field it belongs to, before publishing.
// The walk is iterative: the schema's depth is bounded before, but need not be trusted here.
import type { DefinitionProblem } from '../types';
import { linearPatternProblem } from '../validation/linearRegExp';

/** Keys whose members are names (of fields, of definitions), not keywords. */
const NAME_MAPS = new Set(['properties', '$defs', 'definitions', 'dependentSchemas']);

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function checkPatterns(schema: unknown, pointer = '/schema'): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const stack: [value: unknown, pointer: string, parentKey: string | null][] = [[schema, pointer, null]];
  while (stack.length > 0) {
    const [value, at, parentKey] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const names = parentKey !== null && NAME_MAPS.has(parentKey);
    for (const [key, child] of Object.entries(value)) {
      const path = `${at}/${escapeSegment(key)}`;
      if (!names && key === 'pattern' && typeof child === 'string') {
        const problem = linearPatternProblem(child);
        if (problem) problems.push({ path, message: `${fieldOf(at)}的格式${problem}`, severity: 'error' });
        continue;
      }
      if (parentKey === 'patternProperties') {
        const problem = linearPatternProblem(key);
        if (problem) problems.push({ path, message: `patternProperties 的${problem}`, severity: 'error' });
      }
      stack.push([child, path, Array.isArray(value) ? null : key]);
    }
  }
  return problems.reverse();
}

/** "字段 A7 " for a pointer ending in a property's schema, "" elsewhere. */
function fieldOf(pointer: string): string {
  const match = /\/properties\/([^/]+)(?:\/items)?$/.exec(pointer);
  return match ? `字段 ${match[1]!.replace(/~1/g, '/').replace(/~0/g, '~')} ` : '';
}
