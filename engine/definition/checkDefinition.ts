// The definition checker: every problem of a definition (errors and warnings) with a precise
// JSON Pointer, before anyone fills the form. The server refuses to publish a definition with
// errors; `npm run check-forms` runs this over form-definitions/.
import type { DefinitionProblem } from '../types';
import { analyzeDefinition } from './analyzeDefinition';
import { limitProblems } from './limitProblems';
import { shapeProblems } from './shapeProblems';

/** Size and depth first (nothing recursive runs before), the shape (every key, precisely), then everything the analysis finds. */
export function checkDefinition(definition: unknown): DefinitionProblem[] {
  const limits = limitProblems(definition);
  if (limits.length > 0) return limits;
  const shape = shapeProblems(definition);
  if (shape.length > 0) return shape;
  return analyzeDefinition(definition).problems;
}

export { DefinitionError } from './DefinitionError';
