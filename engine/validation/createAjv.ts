// One ajv configured as every form needs it: all errors at once, strict about schema typos,
// ajv-formats' standard formats and the domain formats (resident ID, phone, division code...).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { domainFormats } from '../formats/domainFormats';

export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    messages: false,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  for (const [name, explain] of Object.entries(domainFormats)) {
    ajv.addFormat(name, { type: 'string', validate: (value: string) => explain(value) === null });
  }
  return ajv;
}
