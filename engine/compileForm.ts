// compileForm(definition): what evaluation runs, with the schema's validator compiled by ajv (the
// server, tests, scripts) or, given `validators`, taken from the standalone code the server
// generates (formValidatorSource). A browser page that may not evaluate code imports
// precompiledForm instead, which leaves ajv's compiler out of its bundle.
import { buildForm, type CompiledForm } from './buildForm';
import type { FormDefinition } from './types';
import { compileSchema } from './validation/compileSchema';
import type { FormValidators } from './validation/FormValidators';

export type { CompiledForm, CompiledNode, CompiledSection, CompiledValidation } from './buildForm';

export interface CompileOptions {
  /** Precompiled validators of this definition's schema; without them ajv compiles it. */
  validators?: FormValidators;
}

export function compileForm(definition: FormDefinition, options: CompileOptions = {}): CompiledForm {
  const { validators } = options;
  return buildForm(definition, validators ? () => validators.form : compileSchema);
}
