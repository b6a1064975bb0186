// One ajv configured as every form needs it (AJV_OPTIONS: all errors, strict, linear-time
// patterns), with ajv-formats' standard formats and the domain formats (resident ID, phone,
// division code...).
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { domainFormats } from '../formats/domainFormats';
import { AJV_OPTIONS } from './ajvOptions';

/** `extra` adds options for one use (standalone code generation: `{ code: { source: true, esm: true } }`). */
export function createAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra, code: { ...AJV_OPTIONS.code, ...extra.code } });
  addFormats(ajv);
  for (const [name, explain] of Object.entries(domainFormats)) {
    ajv.addFormat(name, { type: 'string', validate: (value: string) => explain(value) === null });
  }
  return ajv;
}
