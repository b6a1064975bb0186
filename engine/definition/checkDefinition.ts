// The definition checker: every problem of a definition (errors and warnings) with a precise
// JSON Pointer, before anyone fills the form. The server refuses to publish a definition with
// errors; `npm run check-forms` runs this over form-definitions/.
import type { DefinitionProblem } from '../types';
import { compileSchema, type SchemaCompiler } from '../validation/compileSchema';
import { analyzeDefinition } from './analyzeDefinition';
import { limitProblems } from './limitProblems';
import { shapeProblems } from './shapeProblems';

/**
 * Size and depth first (nothing recursive runs before), the shape (every key, precisely), then
 * everything the analysis finds. The form builder's
 * page may not evaluate code: it passes checkSchema, which checks the schema without compiling it.
 */
export function checkDefinition(definition: unknown, compile: SchemaCompiler = compileSchema): DefinitionProblem[] {
  const limits = limitProblems(definition);
  if (limits.length > 0) return limits;
  const shape = shapeProblems(definition);
  if (shape.length > 0) return shape;
  return analyzeDefinition(definition, compile).problems;
}

export { DefinitionError } from './DefinitionError';
