// The validator rjsf needs for schema utilities (resolving oneOf choices and defaults). The
// engine validates the data; rjsf's own validation is off (noValidate), so this only has to
// know the domain formats to compile the schemas without complaint.
import { customizeValidator } from '@rjsf/validator-ajv8';
import { domainFormats } from '../../engine/index';

const customFormats = Object.fromEntries(Object.entries(domainFormats).map(([name, explain]) => [name, (value: string) => explain(value) === null]));

export const validator = customizeValidator({ customFormats });
