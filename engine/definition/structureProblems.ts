// The structure compiling needs, checked without a schema library: the containers the analysis
// walks are of the right kind. The full, precise shape check (zod, with Chinese messages for
// every key) is checkDefinition's; this guard keeps compileForm safe on anything it is handed
// while keeping zod out of the officer's download.
import type { DefinitionProblem } from '../types';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function problem(path: string, message: string): DefinitionProblem {
  return { path, message, severity: 'error' };
}

export function structureProblems(definition: unknown): DefinitionProblem[] {
  if (!isObject(definition)) return [problem('', '表单定义应为一个对象')];
  const problems: DefinitionProblem[] = [];
  if (typeof definition.id !== 'string' || typeof definition.title !== 'string') problems.push(problem('', '表单定义须有 id 和 title'));
  if (!isObject(definition.schema)) problems.push(problem('/schema', 'schema 应为对象'));
  const arrays: [unknown, string][] = [[definition.sections, '/sections']];
  if (definition.rules !== undefined) {
    if (!isObject(definition.rules)) problems.push(problem('/rules', 'rules 应为对象'));
    else for (const key of ['visibility', 'computed', 'validations']) arrays.push([definition.rules[key], `/rules/${key}`]);
  }
  if (definition.registry !== undefined) {
    if (!isObject(definition.registry)) problems.push(problem('/registry', 'registry 应为对象'));
    else for (const key of ['prefill', 'effects']) arrays.push([definition.registry[key], `/registry/${key}`]);
  }
  if (definition.review !== undefined && (!isObject(definition.review) || !Array.isArray(definition.review.levels))) {
    problems.push(problem('/review', 'review 应为对象并列出 levels'));
  } else if (definition.review !== undefined) {
    arrays.push([definition.review.escalations, '/review/escalations']);
  }
  for (const [value, path] of arrays) {
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.some((item) => !isObject(item))) problems.push(problem(path, `${path} 应为对象的列表`));
  }
  return problems;
}
