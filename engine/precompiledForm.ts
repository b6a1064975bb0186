// What evaluation runs, built from the validators the server precompiled for this definition
// (GET /api/forms/{id}/versions/{n}/validators.js): no ajv compiler and no code evaluated at
// run time (nor tried: normalizeData copies with its loop), as a page under a
// Content-Security-Policy without 'unsafe-eval' needs. The schema
// is taken as the server checked it when it generated the validators; `checked` (a published
// version's definition, checked by the server when it was published) skips the definition's
// checks too, which are about half of building a form.
import { buildForm, type CompiledForm } from './buildForm';
import { engineLanguage } from './i18n/languages';
import { translateDefinition } from './i18n/translateDefinition';
import type { FormDefinition } from './types';
import type { FormValidators } from './validation/FormValidators';

/** `language`: the form's texts and the engine's words in it (compileForm.ts); the validators are the same. */
export function precompiledForm(definition: FormDefinition, validators: FormValidators, { checked = false, language = 'zh' } = {}): CompiledForm {
  return buildForm(translateDefinition(definition, language), () => validators.form, false, checked, engineLanguage(language));
}
