// Runs the zod shape check of a definition and reports each failure as a DefinitionProblem
// in Chinese (zod's zh-CN locale), with the JSON Pointer of the offending part.
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { DefinitionProblem } from '../types';
import { definitionShape } from './definitionShape';

let locale: ReturnType<typeof zhCN> | null = null;

export function shapeProblems(definition: unknown): DefinitionProblem[] {
  locale ??= zhCN();
  const zh = locale;
  const result = definitionShape.safeParse(definition, { error: (issue) => zh.localeError(issue) });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.length ? `/${issue.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '',
    message: issue.message,
    severity: 'error' as const,
  }));
}
