// The campaign parameters a definition declares: each name is its own, never one every object
// inherits ("constructor", "toString"…), which $params.<name> could not tell from a function.
import { RESERVED_NAMES } from '../ownValue';
import type { DefinitionProblem, FormDefinition } from '../types';

export function checkParameters(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const name of Object.keys(definition.parameters ?? {})) {
    if (RESERVED_NAMES.has(name)) {
      problems.push({ path: `/parameters/${name}`, message: `"${name}" 是保留名称，不能用作活动参数名`, severity: 'error' });
    }
  }
  return problems;
}
