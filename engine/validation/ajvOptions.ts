// The one set of ajv options every form's validator is compiled with: by createAjv at run time
// and, the same, by standalone code generation (precompiled validators for the browser). All
// errors at once, strict about schema typos, administrators' patterns on the linear-time engine.
import type { Options } from 'ajv';
import { linearRegExp } from './linearRegExp';

export const AJV_OPTIONS: Readonly<Options> = Object.freeze({
  allErrors: true,
  messages: false,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  code: { regExp: linearRegExp },
});
