// The domain formats as ajv format definitions: what the ajv compiler is given (createAjv.ts),
// and what precompiled validators find at run time (validatorRuntime.ts), so both check alike.
import type { FormatDefinition } from 'ajv';
import { domainFormats } from '../formats/domainFormats';

export const domainFormatDefinitions: Readonly<Record<string, FormatDefinition<string>>> = Object.fromEntries(
  Object.entries(domainFormats).map(([name, explain]) => [name, { type: 'string', validate: (value: string) => explain(value) === null }]),
);
