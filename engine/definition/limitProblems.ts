// The first check of any definition, before anything walks it recursively: its nesting and its
// number of values within the engine's limits (budget/limits.ts). A rule nested 3,000 deep is
// refused here, instead of overflowing the stack of whatever reads it first.
import { MAX_DEFINITION_DEPTH, MAX_DEFINITION_NODES } from '../budget/limits';
import { measureJson } from '../budget/measureJson';
import type { DefinitionProblem } from '../types';

export function limitProblems(definition: unknown): DefinitionProblem[] {
  const measure = measureJson(definition, { depth: MAX_DEFINITION_DEPTH, nodes: MAX_DEFINITION_NODES, size: Infinity });
  if (measure.ok) return [];
  const message = measure.exceeded === 'depth'
    ? `表单定义嵌套过深：超过 ${MAX_DEFINITION_DEPTH} 层`
    : `表单定义过大：超过 ${MAX_DEFINITION_NODES} 个值`;
  return [{ path: measure.pointer, message, severity: 'error' }];
}
