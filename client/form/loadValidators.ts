// A form's validators, precompiled by the server (ajv's standalone code), and what a form page
// builds from them: the engine's compiled form and rjsf's validator. The page's
// Content-Security-Policy lets it evaluate no code, so nothing is compiled here and ajv's compiler
// is not in the bundle: the module is imported like one of the app's own files (the service
// worker keeps each version's for use without signal) and called with the engine's run-time
// helpers (validatorRequire).
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
// The file itself: the package's index also builds a compiling validator.
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';
import { t } from '../i18n/t';
import { precompiledForm, validatorRequireWith, VALIDATORS_REVISION, type CompiledForm, type FormDefinition, type FormValidators } from '../../engine/index';

/** What the served module's default export returns (server/forms/validatorModule.ts). */
export interface ServedValidators {
  form: FormValidators['form'];
  rjsf: ValidatorFunctions;
}

export interface PreparedForm {
  form: CompiledForm;
  /** rjsf's validator, for the renderer's schema utilities (choices, defaults). */
  validator: ValidatorType;
}

export function versionValidatorsUrl(formId: string, version: number): string {
  return `/api/forms/${encodeURIComponent(formId)}/versions/${version}/validators.js?r=${VALIDATORS_REVISION}`;
}

/** Throws, in Chinese, when the module cannot be had (no signal and not kept on the phone). */
export async function importValidators(url: string): Promise<ServedValidators> {
  let module: { requires?: string[]; default(require: (specifier: string) => unknown): ServedValidators };
  let loaded: Record<string, unknown> = {};
  try {
    module = await import(/* @vite-ignore */ url);
    // re2js (a form with a pattern) is loaded only by the forms that need it, and kept like the app's files.
    if (module.requires?.includes('re2js')) loaded = { re2js: await import('re2js') };
  } catch {
    throw new Error(t('validatorsUnavailable'));
  }
  return module.default(validatorRequireWith(loaded));
}

export function prepareForm(definition: FormDefinition, served: ServedValidators): PreparedForm {
  return {
    form: precompiledForm(definition, { form: served.form }),
    validator: createPrecompiledValidator(served.rjsf, definition.schema as RJSFSchema),
  };
}

/** A published version, ready to fill or show. */
export async function loadVersionForm(formId: string, version: number, definition: FormDefinition): Promise<PreparedForm> {
  return prepareForm(definition, await importValidators(versionValidatorsUrl(formId, version)));
}
