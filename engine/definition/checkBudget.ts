// The evaluation budget, checked on the definition: the computed values of one evaluation,
// bounded from what they read (budget/ruleBound.ts), must fit MAX_COMPUTED_SIZE together, and no
// rule may build an intermediate value past MAX_INTERMEDIATE_SIZE. Inputs are bounded by their
// schema (maxLength, maxItems, enum, format) and by the submission's own limit; campaign
// parameters by MAX_PARAMETER_LENGTH; a computed value by its rule. Runs on rules whose syntax
// and references have been checked.
import { MAX_COMPUTED_SIZE, MAX_INTERMEDIATE_SIZE, MAX_PARAMETER_LENGTH, MAX_SUBMISSION_SIZE } from '../budget/limits';
import { primitiveSize } from '../budget/measureJson';
import {
  anyBound, BOOLEAN_BOUND, listBound, NUMBER_BOUND, ruleBound, scalarBound, type BoundScope, type SizeBound,
} from '../budget/ruleBound';
import { buildRuleNodes, dependencyKeyOf, orderNodes } from '../computed/ruleNodes';
import { HOUSEHOLD_FIELDS } from '../registry/householdFields';
import type { FieldIndex, FieldInfo } from '../schema/fieldIndex';
import type { DefinitionProblem, FormDefinition, JsonSchema } from '../types';

const S = MAX_SUBMISSION_SIZE;

/** Longest text of the formats whose values have a fixed shape. */
const FORMAT_LENGTHS: Readonly<Record<string, number>> = Object.freeze(Object.assign(Object.create(null), {
  date: 10, 'year-month': 7, time: 30, 'date-time': 40, 'resident-id': 18, 'disability-certificate': 20, 'id-number': 20,
  'mobile-phone': 11, phone: 20, 'division-code': 12, uuid: 36,
}));

function kb(size: number): string {
  return Number.isFinite(size) ? `${Math.ceil(size / 1024)} KB` : '无上限';
}

/** A leaf's bound from its schema; `cap`: the submission's limit for submitted values, none for computed ones. */
function leafBound(schema: JsonSchema, cap = S): SizeBound {
  const literals = Array.isArray(schema.enum) ? schema.enum
    : Array.isArray(schema.oneOf) && schema.oneOf.every((b) => b && typeof b === 'object' && 'const' in b) ? schema.oneOf.map((b) => (b as JsonSchema).const)
      : 'const' in schema ? [schema.const] : null;
  if (literals) {
    const size = Math.max(4, ...literals.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v).length : primitiveSize(v))));
    return literals.some((v) => v !== null && typeof v === 'object') ? anyBound(size) : scalarBound(size);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.every((t) => t === 'number' || t === 'integer' || t === 'null')) return NUMBER_BOUND;
  if (types.every((t) => t === 'boolean' || t === 'null')) return BOOLEAN_BOUND;
  if (types.length === 1 && types[0] === 'string') {
    const format = typeof schema.format === 'string' && Object.hasOwn(FORMAT_LENGTHS, schema.format) ? FORMAT_LENGTHS[schema.format]! : Infinity;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    return scalarBound(Math.min(cap, 2 + Math.min(format, max)));
  }
  if (types.length === 1 && types[0] === 'array' && schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
    const count = typeof schema.maxItems === 'number' ? schema.maxItems : Math.ceil(cap / 2);
    return listBound(count, leafBound(schema.items as JsonSchema, cap), cap);
  }
  return anyBound(cap);
}

/** Bounds of every field of the form, computed values by their rules, in dependency order. */
class FieldBounds {
  private readonly bounds = new Map<string, SizeBound>();

  constructor(private readonly index: FieldIndex) {}

  set(key: string, bound: SizeBound): void {
    this.bounds.set(key, bound);
  }

  of(info: FieldInfo): SizeBound {
    const known = this.bounds.get(info.key);
    if (known) return known;
    if (info.kind === 'leaf') return leafBound(info.schema);
    const children = [...this.index.fields.values()].filter((f) => f.parent === info.key);
    const size = Math.min(S, 2 + children.reduce((sum, c) => sum + c.code.length + 4 + this.of(c).size, 0));
    const row: SizeBound = { size, count: 1, item: size };
    if (info.kind === 'object') return row;
    const count = typeof info.schema.maxItems === 'number' ? info.schema.maxItems : Math.ceil(S / 3);
    return listBound(count, row, S);
  }
}

function parameterBound(definition: FormDefinition, name: string): SizeBound {
  const declared = Object.hasOwn(definition.parameters ?? {}, name) ? definition.parameters![name]! : null;
  if (!declared) return scalarBound(4);
  if (declared.type === 'number') return NUMBER_BOUND;
  if (declared.type === 'string') return scalarBound(2 + MAX_PARAMETER_LENGTH);
  return scalarBound(12);
}

function householdBound(name: string): SizeBound {
  const field = Object.hasOwn(HOUSEHOLD_FIELDS, name) ? HOUSEHOLD_FIELDS[name]! : null;
  if (field?.type === 'number') return NUMBER_BOUND;
  if (field?.type === 'boolean') return BOOLEAN_BOUND;
  if (field?.type === 'year-month') return scalarBound(9);
  return anyBound(S);
}

function scopeFor(definition: FormDefinition, index: FieldIndex, bounds: FieldBounds, table: string | null): BoundScope {
  return {
    root(path) {
      const [head, second = ''] = path.split('.');
      if (head === '$params') return parameterBound(definition, second);
      if (head === '$household') return path.split('.').length === 2 ? householdBound(second) : anyBound(S);
      if (head === '$approval') return scalarBound(9);
      const key = dependencyKeyOf(path, table, index);
      const info = key === null ? undefined : index.fields.get(key);
      if (!info) return anyBound(S);
      const whole = bounds.of(info);
      const exact = path === key || (path.startsWith('$row.') && `${table}.${path.slice(5)}` === key);
      return exact ? whole : anyBound(whole.size);
    },
  };
}

function tooLarge(path: string, what: string, size: number, limit: number): DefinitionProblem {
  return {
    path,
    message: `${what}最大可达 ${kb(size)}，超过每次计算 ${kb(limit)} 的上限：请为它读取的文字设置最多字数（maxLength）、为表格设置最多行数（maxItems），或减少连接（cat、merge）和逐行计算（map、reduce）的层数`,
    severity: 'error',
  };
}

export function checkBudget(definition: FormDefinition, index: FieldIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const bounds = new FieldBounds(index);
  const order = orderNodes(buildRuleNodes(definition, index));
  if (!order.ok) return problems;
  const pointers = new Map((definition.rules?.computed ?? []).map((r, i) => [r.field, `/rules/computed/${i}/value`]));
  let total = 0;
  for (const node of order.order) {
    if (!node.computed) continue;
    const info = index.fields.get(node.key)!;
    const { value, peak } = ruleBound(node.computed.rule, scopeFor(definition, index, bounds, node.table));
    const size = Math.min(value.size, leafBound(info.schema, Infinity).size);
    bounds.set(node.key, { ...value, size });
    const pointer = pointers.get(node.key) ?? node.computed.pointer;
    if (peak > MAX_INTERMEDIATE_SIZE) problems.push(tooLarge(pointer, `计算字段 ${node.key} 的中间结果`, peak, MAX_INTERMEDIATE_SIZE));
    const rows = node.table === null ? 1 : bounds.of(index.fields.get(node.table)!).count;
    const stored = rows * (size + info.code.length + 4);
    if (stored > MAX_COMPUTED_SIZE) problems.push(tooLarge(pointer, node.table ? `计算字段 ${node.key}（表格 ${node.table} 各行合计）` : `计算字段 ${node.key} 的结果`, stored, MAX_COMPUTED_SIZE));
    total += stored;
  }
  if (total > MAX_COMPUTED_SIZE && !problems.some((p) => p.path.startsWith('/rules/computed/'))) {
    problems.push(tooLarge('/rules/computed', '全部计算字段的结果合计', total, MAX_COMPUTED_SIZE));
  }
  const other: [unknown, string, string | null][] = [];
  (definition.rules?.visibility ?? []).forEach((r, i) => { other.push([r.when, `/rules/visibility/${i}/when`, r.field !== undefined ? index.fields.get(r.field)?.table ?? null : null]); });
  (definition.rules?.validations ?? []).forEach((r, i) => {
    const table = index.fields.get(r.field)?.table ?? null;
    if (r.when !== undefined) other.push([r.when, `/rules/validations/${i}/when`, table]);
    other.push([r.assert, `/rules/validations/${i}/assert`, table]);
  });
  (definition.registry?.effects ?? []).forEach((effect, i) => {
    if (effect.type !== 'setFields') return;
    if (effect.when !== undefined) other.push([effect.when, `/registry/effects/${i}/when`, null]);
    for (const [field, rule] of Object.entries(effect.set)) other.push([rule, `/registry/effects/${i}/set/${field}`, null]);
  });
  for (const [rule, pointer, table] of other) {
    const { peak } = ruleBound(rule, scopeFor(definition, index, bounds, table));
    if (peak > MAX_INTERMEDIATE_SIZE) problems.push(tooLarge(pointer, '这条规则的中间结果', peak, MAX_INTERMEDIATE_SIZE));
  }
  return problems;
}
