// A definition with errors reached a place that needs a working one (compileForm): the author's
// error, carrying every problem with its place.
import type { DefinitionProblem } from '../types';

export class DefinitionError extends Error {
  readonly problems: DefinitionProblem[];
  constructor(problems: DefinitionProblem[]) {
    super(`表单定义有误：${problems.map((p) => `${p.path || '/'} ${p.message}`).join('；')}`);
    this.name = 'DefinitionError';
    this.problems = problems;
  }
}
