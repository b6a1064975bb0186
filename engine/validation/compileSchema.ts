// Schema compilers for analyzeDefinition: each checks a form's JSON Schema with ajv in strict mode
// (throwing on a bad schema) and returns its validator, or null when it only checks. Those that
// check a schema not checked before also name each pattern the linear-time engine cannot run
// (patternProblems); a precompiled validator (precompiledForm.ts) was checked when the server
// made it, so an officer's page never loads the regular-expression engine to check it again.
import type { ValidateFunction } from 'ajv';
import { checkPatterns } from '../definition/checkPatterns';
import type { DefinitionProblem } from '../types';
import { createAjv } from './createAjv';

export type SchemaCompiler = ((schema: Record<string, unknown>) => ValidateFunction | null) & {
  patternProblems?: (schema: Record<string, unknown>) => DefinitionProblem[];
};

/** Compiles the validator (ajv turns generated code into a function: not for a browser under CSP). */
export const compileSchema: SchemaCompiler = Object.assign((schema: Record<string, unknown>) => createAjv().compile(schema), {
  patternProblems: (schema: Record<string, unknown>) => checkPatterns(schema),
});

const GENERATED = Symbol('generated');

/**
 * Checks the schema by generating its validator's code and stopping before the code becomes a
 * function: strict mode's complaints (unknown keywords, bad types) come from generating, so
 * nothing is evaluated and the form builder, whose page may not evaluate code, can check a draft
 * as it is edited. Checking the schema against the JSON Schema meta-schema would compile the
 * meta-schema, so that is left to the server (compileSchema), which checks every saved draft.
 */
export const checkSchema: SchemaCompiler = Object.assign((schema: Record<string, unknown>) => {
  const ajv = createAjv({ logger: false, validateSchema: false, code: { process: () => { throw GENERATED; } } });
  try {
    ajv.compile(schema);
  } catch (e) {
    if (e !== GENERATED) throw e;
  }
  return null;
}, { patternProblems: (schema: Record<string, unknown>) => checkPatterns(schema) });
