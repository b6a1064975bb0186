// Property-based fuzzing of definitions: random and hostile rule trees (deep, wide, huge literals,
// prototype names, unknown operations, cycles, every allowed operation with random arguments) go
// through checkDefinition; whatever it accepts is compiled and evaluated on random data, with
// prefill and effects. Nothing may throw, the output stays within the budget, and everything the
// engine hands back is plain JSON. Bounded runs (numRuns below) keep it to seconds in `npm test`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_OPERATIONS, applyEffects, BUDGET_ISSUE_CODE, buildFieldIndex, checkDefinition, compileForm, evaluate, evaluateChange, fillText, formulaOf, logicToCondition,
  MAX_COMPUTED_SIZE, measureJson, prefillData, RESERVED_NAMES, type FormDefinition, type FormulaScope, type Household,
} from '@engine';

const SCHEMA = {
  type: 'object',
  properties: {
    A1: { type: 'string', maxLength: 20, title: 'A1 文字' },
    A2: { type: 'number', title: 'A2 数字' },
    A3: { type: 'boolean', title: 'A3 是否' },
    A4: { type: 'array', items: { type: 'string', enum: ['甲', '乙', '丙'] }, maxItems: 3, uniqueItems: true, title: 'A4 多选' },
    A5: { type: 'string', title: 'A5 不限长的文字' },
    A6: { type: 'string', pattern: '^[\\u4e00-\\u9fa5]{0,8}$', title: 'A6 中文' },
    members: {
      type: 'array', maxItems: 6, title: '家庭成员',
      items: { type: 'object', properties: { name: { type: 'string', maxLength: 10 }, age: { type: 'integer' }, C4: { type: 'string', readOnly: true } } },
    },
    C1: { type: 'string', readOnly: true },
    C2: { type: 'number', readOnly: true },
    C3: { type: 'array', items: {}, readOnly: true },
  },
};

const PATHS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'members', 'members.0.name', 'C1', 'C2', 'C3', '$params.line', '$params.label',
  '$household.kind', '$household.members', '$row.name', '$row.age', 'current', 'current.name', 'accumulator', '', 'name', 'age',
  'nope', 'A1.length', ...[...RESERVED_NAMES].flatMap((n) => [n, `A1.${n}`, `$params.${n}`])];
const HOSTILE_OPS = ['method', 'log', 'Math.max', 'eval', ...RESERVED_NAMES];

const plainLiteral = fc.oneof(
  fc.integer(), fc.double({ noNaN: false }), fc.string({ maxLength: 12 }), fc.boolean(), fc.constant(null),
  fc.constantFrom('甲', '乙', '2021-09', '2021-09-30', '500228198506120010', ''),
  fc.constant('长'.repeat(30_000)),
);
const literal = fc.oneof(plainLiteral, fc.constant({}), fc.constant({ a: 1, b: 2 }));

const rule: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc.constantFrom(...PATHS).map((path) => ({ var: path })),
    fc.tuple(fc.constantFrom(...PATHS), tie('node')).map(([path, fallback]) => ({ var: [path, fallback] })),
    fc.tuple(fc.constantFrom(...ALLOWED_OPERATIONS), fc.array(tie('node'), { maxLength: 4 })).map(([op, args]) => ({ [op]: args })),
    fc.tuple(fc.constantFrom(...ALLOWED_OPERATIONS), tie('node')).map(([op, arg]) => ({ [op]: arg })),
    fc.tuple(fc.constantFrom(...HOSTILE_OPS), fc.array(tie('node'), { maxLength: 2 })).map(([op, args]) => JSON.parse(`{${JSON.stringify(op)}: ${JSON.stringify(args)}}`)),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

/** Hostile shapes random trees seldom reach: thousands deep, thousands wide, doubling chains. */
const hostileRule = fc.oneof(
  fc.integer({ min: 30, max: 4000 }).map((n) => {
    let node: unknown = { var: 'A2' };
    for (let i = 0; i < n; i++) node = { '+': [node, 1] };
    return node;
  }),
  fc.integer({ min: 1000, max: 5000 }).map((n) => ({ cat: Array.from({ length: n }, () => ({ var: 'A5' })) })),
  fc.integer({ min: 2, max: 20 }).map((n) => {
    let node: unknown = { var: 'A1' };
    for (let i = 0; i < n; i++) node = { merge: [node, node] };
    return node;
  }),
  fc.constant({ reduce: [{ var: 'members' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'x'] }),
  fc.constant({ map: [{ var: 'members' }, { map: [{ var: '$household.members' }, { cat: [{ var: 'name' }, { var: 'name' }] }] }] }),
);

const anyRule = fc.oneof({ weight: 6, arbitrary: rule }, { weight: 1, arbitrary: hostileRule });

const ROOT_PATHS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'members', 'C1', 'C2', 'C3', '$params.line', '$params.label', '$household.kind', '$household.members'];
const ELEMENT_PATHS = ['', 'name', 'age', 'idNumber'];
const OPERATIONS = [...ALLOWED_OPERATIONS].filter((op) => !['var', 'map', 'filter', 'reduce', 'all', 'none', 'some'].includes(op));
const LISTS = ['members', 'A4', '$household.members', 'C3'];

/** Rules built only from what exists, so that many pass the check and reach evaluation. */
const wellFormedRule: fc.Arbitrary<unknown> = fc.letrec<{ root: unknown; element: unknown }>((tie) => ({
  root: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    plainLiteral,
    fc.constantFrom(...ROOT_PATHS).map((path) => ({ var: path })),
    fc.tuple(fc.constantFrom(...ROOT_PATHS), plainLiteral).map(([path, fallback]) => ({ var: [path, fallback] })),
    fc.tuple(fc.constantFrom(...OPERATIONS), fc.array(tie('root'), { maxLength: 4 })).map(([op, args]) => ({ [op]: args })),
    fc.tuple(fc.constantFrom('map', 'filter', 'all', 'none', 'some'), fc.constantFrom(...LISTS), tie('element')).map(([op, list, body]) => ({ [op]: [{ var: list }, body] })),
    fc.tuple(fc.constantFrom(...LISTS), fc.constantFrom('+', 'cat', 'merge', 'max'), tie('root')).map(([list, op, initial]) => ({
      reduce: [{ var: list }, { [op]: [{ var: 'accumulator' }, { var: 'current.name' }] }, initial],
    })),
  ),
  element: fc.oneof(
    { depthSize: 'small' },
    plainLiteral,
    fc.constantFrom(...ELEMENT_PATHS).map((path) => ({ var: path })),
    fc.tuple(fc.constantFrom(...OPERATIONS), fc.array(tie('element'), { maxLength: 3 })).map(([op, args]) => ({ [op]: args })),
  ),
})).root;

const hostileName = fc.constantFrom('kind', 'phone', 'members', 'memberCount', 'id', ...RESERVED_NAMES);

const definitionFrom = (anyRule: fc.Arbitrary<unknown>, hostile: boolean): fc.Arbitrary<unknown> => fc.record({
  computed: fc.subarray(['C1', 'C2', 'C3', 'members.C4']).chain((fields) => fc.tuple(...fields.map((field) => anyRule.map((value) => ({ field, value }))))),
  visibility: fc.array(fc.record({ field: fc.constantFrom('A1', 'A5', 'members.name', 'C1'), when: anyRule }), { maxLength: 2 }),
  validations: fc.array(fc.record({ field: fc.constantFrom('A1', 'members.age'), assert: anyRule, when: fc.option(anyRule, { nil: undefined }) }), { maxLength: 2 }),
  prefill: fc.array(fc.record({ field: fc.constantFrom('A1', 'A5'), from: hostile ? hostileName : fc.constantFrom('headName', 'phone', 'kind') }), { maxLength: 2 }),
  set: fc.dictionary(hostile ? hostileName : fc.constantFrom('phone', 'address', 'kind', 'mainRisk'), anyRule, { maxKeys: 2 }),
  parameter: hostile ? fc.constantFrom('label', ...RESERVED_NAMES) : fc.constant('label'),
  pattern: hostile ? fc.constantFrom('^(a+)+$', '(a)\\1', '(?=x)', '^[\\u4e00-\\u9fa5]*$') : fc.constantFrom('^(a+)+$', '^[0-9a-z]*$', '^[\\u4e00-\\u9fa5]*$'),
}).map((r) => ({
  id: 'fuzz-form',
  title: '随机表',
  parameters: JSON.parse(`{${JSON.stringify(r.parameter)}: {"title": "参数", "type": "string"}, "line": {"title": "收入线", "type": "number"}}`),
  schema: { ...SCHEMA, properties: { ...SCHEMA.properties, A1: { ...SCHEMA.properties.A1, pattern: r.pattern } } },
  rules: {
    computed: r.computed,
    visibility: r.visibility,
    validations: r.validations.map((v, i) => ({ id: `v${i}`, message: `${v.field} 不对：{{A1}} {{$params.label}}`, ...v, ...(v.when === undefined ? { when: undefined } : {}) }))
      .map(({ when, ...v }) => (when === undefined ? v : { ...v, when })),
  },
  registry: { prefill: r.prefill, effects: [{ type: 'setFields', set: r.set, createIfMissing: true }] },
}));

const definition = fc.oneof(definitionFrom(wellFormedRule, false), definitionFrom(anyRule, true));

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const data = fc.oneof(
  fc.record({
    A1: fc.oneof(fc.string({ maxLength: 25 }), jsonValue), A2: fc.oneof(fc.double(), jsonValue), A3: fc.boolean(),
    A4: fc.subarray(['甲', '乙', '丙']), A5: fc.oneof(fc.string(), fc.constant('x'.repeat(100_000))), A6: fc.string({ maxLength: 30 }),
    members: fc.array(fc.record({ name: fc.string({ maxLength: 12 }), age: fc.oneof(fc.integer(), jsonValue) }, { requiredKeys: [] }), { maxLength: 8 }),
    C1: jsonValue,
  }, { requiredKeys: [] }),
  jsonValue,
);

const context = fc.record({
  params: fc.record({ line: fc.oneof(fc.integer(), jsonValue), label: fc.string({ maxLength: 20 }) }),
  household: fc.record({
    id: fc.constant('h1'), divisionCode: fc.constant('500118104201'), headName: fc.string({ maxLength: 5 }), headIdNumber: fc.constant('500228198506120010'),
    kind: fc.constantFrom('脱贫户', '一般农户'),
    members: fc.array(fc.record({ name: fc.string({ maxLength: 5 }), idNumber: fc.string({ maxLength: 18 }) }), { maxLength: 4 }),
  }),
});

/** Plain JSON all through: no function, no odd prototype, no undefined in a list, nothing non-finite. */
function isPlainJson(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (typeof v !== 'object') return false;
    const proto = Object.getPrototypeOf(v);
    if (Array.isArray(v) ? proto !== Array.prototype : proto !== Object.prototype) return false;
    for (const child of Object.values(v)) stack.push(child);
  }
  return true;
}

const FORMULA_SCOPE: FormulaScope = {
  fields: buildFieldIndex(SCHEMA), parameters: { line: { title: '收入线', type: 'number' }, label: { title: '参数', type: 'string' } },
};

/** Every rule of a generated definition, whatever its shape. */
function rulesOf(raw: unknown): unknown[] {
  const rules = (raw as { rules: { computed: { value: unknown }[]; visibility: { when: unknown }[]; validations: { assert: unknown }[] } }).rules;
  return [...rules.computed.map((r) => r.value), ...rules.visibility.map((r) => r.when), ...rules.validations.map((r) => r.assert)];
}

const size = (value: unknown) => {
  const measure = measureJson(value, { depth: Infinity, nodes: Infinity, size: Infinity });
  return measure.ok ? measure.size : Infinity;
};

describe('definitions fuzzed: the check, then evaluation', () => {
  it('checks every definition without throwing, and evaluates whatever it accepts within the budget, as plain JSON', () => {
    let accepted = 0;
    fc.assert(
      fc.property(definition, fc.array(data, { minLength: 1, maxLength: 3 }), context, (raw, generated, generatedContext) => {
        // What the server hands the engine: parsed JSON.
        const inputs = generated.map((input) => JSON.parse(JSON.stringify(input)) as unknown);
        const ctx = JSON.parse(JSON.stringify(generatedContext)) as typeof generatedContext;
        // The form builder reads any rule back as a formula or a condition, or says it cannot.
        for (const r of rulesOf(raw)) {
          expect(['string', 'object']).toContain(typeof formulaOf(r, FORMULA_SCOPE));
          expect(typeof logicToCondition(r, { ...FORMULA_SCOPE, expect: 'boolean' })).toBe('object');
        }
        const problems = checkDefinition(raw);
        expect(Array.isArray(problems)).toBe(true);
        for (const p of problems) expect(typeof p.message === 'string' && typeof p.path === 'string').toBe(true);
        if (problems.some((p) => p.severity === 'error')) return;
        accepted += 1;
        const def = raw as FormDefinition;
        const form = compileForm(def);
        for (const input of inputs) {
          const result = evaluate(def, input, ctx);
          expect(isPlainJson(result.data)).toBe(true);
          expect(isPlainJson(result.errors) && isPlainJson(result.warnings)).toBe(true);
          expect(size(result.data)).toBeLessThanOrEqual(size(input) + MAX_COMPUTED_SIZE);
          // The check's bound holds for data within the schema: the budget is reached only by data outside it.
          if (result.errors.some((e) => e.code === BUDGET_ISSUE_CODE)) {
            expect(result.errors.some((e) => e.code !== BUDGET_ISSUE_CODE && !e.code.startsWith('rule:'))).toBe(true);
          }
          const prefilled = prefillData(def, ctx.household as Household);
          expect(isPlainJson(prefilled)).toBe(true);
          const outcome = applyEffects(def, result.data, ctx.household as Household, { month: '2021-09' }, ctx.params);
          expect(isPlainJson(outcome.household)).toBe(true);
          expect(typeof fillText(form, '{{A1}} {{$params.label}} {{$params.toString}}', ctx, result.data)).toBe('string');
          const state = { data: result.data, hidden: new Set(result.hidden), hiddenSections: new Set(result.hiddenSections) };
          for (const key of ['A1', 'A5', 'members']) {
            const value = (input as Record<string, unknown> | null)?.[key];
            const edited = { ...result.data, ...(value === undefined || value === null ? {} : { [key]: value }) };
            const changed = evaluateChange(form, state, edited, key, ctx);
            expect(isPlainJson(changed.data)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
    // The generator must reach evaluation often enough to mean something.
    expect(accepted).toBeGreaterThan(30);
  }, 60_000); // about 10 s alone; the margin is for a busy machine
});
