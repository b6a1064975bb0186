// What evaluation runs, built from the validators the server precompiled for this definition
// (GET /api/forms/{id}/versions/{n}/validators.js): no ajv compiler and no code evaluated at
// run time (nor tried: normalizeData copies with its loop), as a page under a
// Content-Security-Policy without 'unsafe-eval' needs. The schema
// is taken as the server checked it when it generated the validators.
import { buildForm, type CompiledForm } from './buildForm';
import type { FormDefinition } from './types';
import type { FormValidators } from './validation/FormValidators';

export function precompiledForm(definition: FormDefinition, validators: FormValidators): CompiledForm {
  return buildForm(definition, () => validators.form, false);
}
