// Turns a checked definition into what evaluation runs: the field index, rule nodes in
// dependency order with compiled rules, compiled validations and message templates, and the
// schema's validator from the given schema compiler (compileForm.ts: ajv's compiler;
// precompiledForm.ts: standalone validators the server generated). Done once per definition
// object (cached); a definition with errors throws DefinitionError here, so evaluation itself
// only ever meets working definitions. Imports no ajv compiler: a browser page gets here
// without one.
import type { EngineLanguage } from './i18n/languages';
import type { ValidateFunction } from 'ajv';
import { buildRuleNodes, keysOverlap, orderNodes, readsOf } from './computed/ruleNodes';
import { memoizeRowInvariant } from './rules/memoizeRowInvariant';
import { analyzeDefinition, type Analysis } from './definition/analyzeDefinition';
import { DefinitionError } from './definition/DefinitionError';
import { buildNormalizer, childMap, type ChildMap, type Normalizer } from './normalizeData';
import { compileRule, type CompiledRule } from './rules/compileRule';
import { buildFieldIndex, type FieldIndex } from './schema/fieldIndex';
import type { FormDefinition, Severity } from './types';
import type { SchemaCompiler } from './validation/compileSchema';
import { compileMessage, type CompiledMessage } from './validation/compileMessage';
import { numberBounds, type NumberBound } from './validation/numberBounds';

export interface CompiledNode {
  key: string;
  table: string | null;
  /** Path of the value inside its container (the row for a column, the data otherwise). */
  segments: string[];
  compute: CompiledRule | null;
  visible: CompiledRule[];
  /** Field keys the node's rules read: what makes it re-run after a change (evaluateChange). */
  reads: string[];
}

export interface CompiledSection {
  id: string;
  visible: CompiledRule[];
  reads: string[];
}

export interface CompiledValidation {
  id: string;
  field: string;
  code: string;
  table: string | null;
  segments: string[];
  /**
   * The pointers (for row i) of the fields whose conditions can hide this rule's field: the field
   * itself, its table or its containing object. Empty: it is never hidden, nothing to look up.
   */
  hiddenBy: ((row: number) => string)[];
  when: CompiledRule | null;
  assert: CompiledRule;
  message: CompiledMessage;
  severity: Severity;
}

export interface CompiledForm {
  definition: FormDefinition;
  /** The language of the engine's own words in issues (the definition's texts are already in it). */
  language: EngineLanguage;
  index: FieldIndex;
  children: ChildMap;
  /** Copies input into the form's data shape (normalizeData.ts). */
  normalize: Normalizer;
  nodes: CompiledNode[];
  sections: CompiledSection[];
  validations: CompiledValidation[];
  /** The typed number fields: kept exact, money within its bound (numberBounds.ts). */
  numbers: NumberBound[];
  validate: ValidateFunction;
}

const cache = new WeakMap<object, CompiledForm>();

function segmentsOf(key: string, table: string | null): string[] {
  return (table ? key.slice(table.length + 1) : key).split('.');
}

/** A definition known to pass the checks (a published version): only what building needs. */
function checkedAnalysis(definition: FormDefinition, compile: SchemaCompiler): Analysis {
  return { problems: [], index: buildFieldIndex(definition.schema), validate: compile(definition.schema) };
}

/**
 * `evaluatesCode`: whether the form may generate code at run time (normalizeData's copiers); false
 * in a page under CSP. `checked`: the definition is known to pass the definition checks (a
 * published version, checked by the server): they are not run again.
 */
export function buildForm(definition: FormDefinition, compile: SchemaCompiler, evaluatesCode = true, checked = false, language: EngineLanguage = 'zh'): CompiledForm {
  const cached = cache.get(definition);
  if (cached?.language === language) return cached;
  const analysis = checked ? checkedAnalysis(definition, compile) : analyzeDefinition(definition, compile);
  const errors = analysis.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !analysis.index || !analysis.validate) throw new DefinitionError(errors);
  const index = analysis.index;
  const order = orderNodes(buildRuleNodes(definition, index));
  if (!order.ok) throw new DefinitionError([{ path: '/rules', message: `循环依赖：${order.cycle.join(' → ')}`, severity: 'error' }]);
  const nodes: CompiledNode[] = order.order.map((node) => ({
    key: node.key,
    table: node.table,
    segments: segmentsOf(node.key, node.table),
    compute: node.computed ? compileRule(node.computed.rule) : null,
    visible: node.visibility.map((v) => compileRule(v.rule)),
    reads: [...node.reads],
  }));
  const sections: CompiledSection[] = (definition.sections ?? []).map((section) => {
    const conditions = (definition.rules?.visibility ?? []).filter((r) => r.section === section.id).map((r) => r.when);
    return {
      id: section.id,
      visible: conditions.map((when) => compileRule(when)),
      reads: [...new Set(conditions.flatMap((when) => [...readsOf(when, null, index)]))],
    };
  }).filter((s) => s.visible.length > 0);
  const conditional = nodes.filter((n) => n.visible.length > 0);
  const validations: CompiledValidation[] = (definition.rules?.validations ?? []).map((rule) => {
    const info = index.fields.get(rule.field)!;
    const wrap = info.table === null ? undefined : memoizeRowInvariant;
    const hiddenBy = conditional
      .filter((n) => n.key === rule.field || (keysOverlap(n.key, rule.field) && rule.field.startsWith(`${n.key}.`)))
      .map((n) => (n.table === null ? () => `/${n.segments.join('/')}` : (row: number) => `/${n.table}/${row}/${n.segments.join('/')}`));
    return {
      hiddenBy,
      id: rule.id,
      field: info.code,
      code: `rule:${rule.id}`,
      table: info.table,
      segments: segmentsOf(rule.field, info.table),
      when: rule.when === undefined ? null : compileRule(rule.when, true, wrap),
      assert: compileRule(rule.assert, true, wrap),
      message: compileMessage(rule.message, index, info.table, language),
      severity: rule.severity ?? 'error',
    };
  });
  const children = childMap(index);
  const compiled: CompiledForm = {
    definition, language, index, children, normalize: buildNormalizer(children, evaluatesCode), nodes, sections, validations,
    numbers: numberBounds(definition, index), validate: analysis.validate,
  };
  cache.set(definition, compiled);
  return compiled;
}
