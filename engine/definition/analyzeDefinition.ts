// Analyses a definition as a whole, in order: its structure, its JSON Schema (checked by ajv in
// strict mode, through the schema compiler the caller chooses: compiled, only checked, or a
// precompiled validator taken as is), then layout, rules and registry hooks. Keeps what later
// steps reuse (the field index and the validator), so a form is analysed once.
import type { ValidateFunction } from 'ajv';
import { buildFieldIndex, type FieldIndex } from '../schema/fieldIndex';
import type { DefinitionProblem, FormDefinition } from '../types';
import type { SchemaCompiler } from '../validation/compileSchema';
import { checkBudget } from './checkBudget';
import { checkComputedBounds } from './checkComputedBounds';
import { checkEscalations } from './checkEscalations';
import { checkLayout } from './checkLayout';
import { limitProblems } from './limitProblems';
import { checkParameters } from './checkParameters';
import { checkRegistry } from './checkRegistry';
import { checkRules } from './checkRules';
import { structureProblems } from './structureProblems';
import { checkTranslations } from './checkTranslations';

export interface Analysis {
  problems: DefinitionProblem[];
  index: FieldIndex | null;
  validate: ValidateFunction | null;
}

function error(path: string, message: string): DefinitionProblem {
  return { path, message, severity: 'error' };
}

function compileWith(compile: SchemaCompiler, schema: Record<string, unknown>): { validate: ValidateFunction | null; problem: DefinitionProblem | null } {
  try {
    return { validate: compile(schema), problem: null };
  } catch (e) {
    return { validate: null, problem: error('/schema', `JSON Schema 无效：${(e as Error).message}`) };
  }
}

export function analyzeDefinition(definition: unknown, compile: SchemaCompiler): Analysis {
  const limits = limitProblems(definition);
  if (limits.length > 0) return { problems: limits, index: null, validate: null };
  const structure = structureProblems(definition);
  if (structure.length > 0) return { problems: structure, index: null, validate: null };
  const def = definition as FormDefinition;
  const problems: DefinitionProblem[] = [];
  if (def.schema.type !== 'object' || typeof def.schema.properties !== 'object' || def.schema.properties === null) {
    return { problems: [error('/schema', '表单的 schema 应为 "type": "object" 并列出 properties')], index: null, validate: null };
  }
  // A pattern the linear-time engine cannot run is named with its field; ajv would only say "invalid".
  const patterns = compile.patternProblems?.(def.schema) ?? [];
  problems.push(...patterns);
  const { validate, problem } = patterns.length > 0 ? { validate: null, problem: null } : compileWith(compile, def.schema);
  if (problem) problems.push(problem);
  const index = buildFieldIndex(def.schema);
  for (const u of index.unsupported) problems.push(error(`/schema/properties/${u.key.split('.').join('/')}`, u.message));
  problems.push(...checkParameters(def));
  problems.push(...checkLayout(def, index));
  problems.push(...checkRules(def, index));
  problems.push(...checkRegistry(def, index));
  problems.push(...checkEscalations(def, index));
  problems.push(...checkTranslations(def));
  // The budget is bounded from rules known to be well-formed and to read what exists.
  if (!problems.some((p) => p.severity === 'error')) problems.push(...checkBudget(def, index), ...checkComputedBounds(def, index));
  return { problems, index, validate };
}
