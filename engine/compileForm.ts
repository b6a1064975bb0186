// compileForm(definition): what evaluation runs, with the schema's validator compiled by ajv (the
// server, tests, scripts) or, given `validators`, taken from the standalone code the server
// generates (formValidatorSource). A browser page that may not evaluate code imports
// precompiledForm instead, which leaves ajv's compiler out of its bundle. `language` ("en"):
// the form's texts from its translations and the engine's own words in that language (Chinese
// where it has none).
import { buildForm, type CompiledForm } from './buildForm';
import { engineLanguage } from './i18n/languages';
import { translateDefinition } from './i18n/translateDefinition';
import type { FormDefinition } from './types';
import { compileSchema } from './validation/compileSchema';
import type { FormValidators } from './validation/FormValidators';

export type { CompiledForm, CompiledNode, CompiledSection, CompiledValidation } from './buildForm';

export interface CompileOptions {
  /** Precompiled validators of this definition's schema; without them ajv compiles it. */
  validators?: FormValidators;
  /** The language the form is filled in: "zh" (the default), "en", or any its translations have. */
  language?: string;
}

export function compileForm(definition: FormDefinition, options: CompileOptions = {}): CompiledForm {
  const { validators, language = 'zh' } = options;
  return buildForm(translateDefinition(definition, language), validators ? () => validators.form : compileSchema, true, false, engineLanguage(language));
}
