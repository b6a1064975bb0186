// The definition checker: every problem of a definition (errors and warnings) with a precise
// JSON Pointer, before anyone fills the form. The server refuses to publish a definition with
// errors; `npm run check-forms` runs this over form-definitions/.
import type { DefinitionProblem } from '../types';
import { analyzeDefinition } from './analyzeDefinition';

export function checkDefinition(definition: unknown): DefinitionProblem[] {
  return analyzeDefinition(definition).problems;
}

/** A definition with errors reached a place that needs a working one. */
export class DefinitionError extends Error {
  readonly problems: DefinitionProblem[];
  constructor(problems: DefinitionProblem[]) {
    super(`表单定义有误：${problems.map((p) => `${p.path || '/'} ${p.message}`).join('；')}`);
    this.name = 'DefinitionError';
    this.problems = problems;
  }
}
