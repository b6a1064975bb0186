// One ajv configured as every form needs it (AJV_OPTIONS, ajvOptions.ts: all errors, strict,
// linear-time patterns), with ajv-formats' standard formats and the domain formats (resident ID,
// phone, division code...). The server's compiled validators and the standalone code it serves
// to browsers (formValidatorSource.ts) are both made from it.
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { AJV_OPTIONS } from './ajvOptions';
import { domainFormatDefinitions } from './domainFormatDefinitions';

/** An ajv with AJV_OPTIONS and the formats; `extra` adds options (its `code` merged into theirs). */
export function createAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra, code: { ...AJV_OPTIONS.code, ...extra.code } });
  addFormats(ajv);
  for (const [name, format] of Object.entries(domainFormatDefinitions)) ajv.addFormat(name, format);
  return ajv;
}
