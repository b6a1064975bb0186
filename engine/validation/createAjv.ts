// One ajv configured as every form needs it: all errors at once, strict about schema typos,
// ajv-formats' standard formats and the domain formats (resident ID, phone, division code...).
// AJV_OPTIONS is the one place its options are kept: the server's compiled validators and the
// standalone code it serves to browsers (formValidatorSource.ts) are both made from it.
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { domainFormatDefinitions } from './domainFormatDefinitions';

export const AJV_OPTIONS: Readonly<Options> = {
  allErrors: true,
  messages: false,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
};

/** An ajv with AJV_OPTIONS and the formats; `extra` adds options (its `code` merged into theirs). */
export function createAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra, code: { ...AJV_OPTIONS.code, ...extra.code } });
  addFormats(ajv);
  for (const [name, format] of Object.entries(domainFormatDefinitions)) ajv.addFormat(name, format);
  return ajv;
}
