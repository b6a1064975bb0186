// A form version's validators, precompiled by the server (ajv's standalone code) as a JavaScript
// module. The page's Content-Security-Policy lets it evaluate no code, so nothing is compiled
// here and ajv's compiler is not in the bundle: the module is imported like one of the app's own
// files (the service worker keeps each version's for use without signal) and called with the
// engine's run-time helpers (validatorRequire). Kept apart from what builds a form from them
// (loadValidators.ts, with rjsf), so the pages that only fetch them (离线下载) load no rjsf.
import type { ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';
import { t } from '../i18n/t';
import { validatorRequireWith, VALIDATORS_REVISION, type FormValidators } from '@engine';

/** What the served module's default export returns (server/forms/validatorModule.ts). */
export interface ServedValidators {
  form: FormValidators['form'];
  rjsf: ValidatorFunctions;
}

export function versionValidatorsUrl(formId: string, version: number): string {
  return `/api/forms/${encodeURIComponent(formId)}/versions/${version}/validators.js?r=${VALIDATORS_REVISION}`;
}

/**
 * Starts fetching a version's module before the page imports it (a fill page that knows the
 * version from the draft on the phone, while its data is still on the way).
 */
export function preloadValidators(formId: string, version: number): void {
  if (typeof document === 'undefined') return;
  const href = versionValidatorsUrl(formId, version);
  if (document.head.querySelector(`link[rel="modulepreload"][href="${CSS.escape(href)}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  document.head.append(link);
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
