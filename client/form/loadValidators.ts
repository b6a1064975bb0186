// What a form page builds from a version's precompiled validators (validatorModules.ts): the
// engine's compiled form and rjsf's validator. Built once per version and kept in memory, so a
// form opened again (the next household, the same form) is not built again; a published version
// never changes, and the server checked its definition when it was published.
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
// The file itself: the package's index also builds a compiling validator.
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import { precompiledForm, type CompiledForm, type FormDefinition } from '@engine';
import { importValidators, versionValidatorsUrl, type ServedValidators } from './validatorModules';

export { importValidators, versionValidatorsUrl, type ServedValidators } from './validatorModules';

export interface PreparedForm {
  form: CompiledForm;
  /** rjsf's validator, for the renderer's schema utilities (choices, defaults). */
  validator: ValidatorType;
}

/**
 * `published`: a published version's definition, checked by the server: the checks are not run
 * again. `language`: the form's texts and the engine's messages in it (its translations).
 */
export function prepareForm(definition: FormDefinition, served: ServedValidators, { published = false, language = 'zh' } = {}): PreparedForm {
  return {
    form: precompiledForm(definition, { form: served.form }, { checked: published, language }),
    validator: createPrecompiledValidator(served.rjsf, definition.schema as RJSFSchema),
  };
}

const prepared = new Map<string, Promise<PreparedForm>>();

/** A published version, ready to fill or show (in `language`): built once per version and language on this page. */
export function loadVersionForm(formId: string, version: number, definition: FormDefinition, language = 'zh'): Promise<PreparedForm> {
  const key = `${formId}\u0000${version}\u0000${language}`;
  let found = prepared.get(key);
  if (!found) {
    found = importValidators(versionValidatorsUrl(formId, version)).then((served) => prepareForm(definition, served, { published: true, language }));
    // A module that could not be had (no signal) is asked for again next time.
    found.catch(() => prepared.delete(key));
    prepared.set(key, found);
  }
  return found;
}
