// The compiled evaluator is compared with json-logic-js (the reference semantics) on samples: every
// rule of every shipped definition over 300 generated households each (table rules on every row,
// also as production checks a table: compiled with memoizeRowInvariant and one memo shared by the
// table's rows), and 5000 random rules covering every allowed operation with awkward values. A
// sample agreeing is evidence, not proof; a disagreement found is a bug in one of the two.
import { describe, expect, it } from 'vitest';
import { buildFieldIndex, compileRule, type FormDefinition, type Household } from '@engine';
import { memoizeRowInvariant } from '@engine/rules/memoizeRowInvariant';
import { evaluateReference } from '@engine/rules/referenceEvaluator';
import type { RootScope } from '@engine/rules/compileRule';
import { loadFormDirectory } from '../../server/forms/loadFormDirectory';
import { FORMS_DIR } from '../helpers/forms';
import { pick, randomFormData, seededRandom, type Random } from '../helpers/randomData';

interface ScopedRule {
  where: string;
  rule: unknown;
  table: string | null;
}

function rulesOf(definition: FormDefinition): ScopedRule[] {
  const index = buildFieldIndex(definition.schema);
  const tableOf = (field: string | undefined) => (field ? index.fields.get(field)?.table ?? null : null);
  const out: ScopedRule[] = [];
  const rules = definition.rules ?? {};
  rules.visibility?.forEach((r, i) => { out.push({ where: `visibility/${i}`, rule: r.when, table: tableOf(r.field) }); });
  rules.computed?.forEach((r, i) => { out.push({ where: `computed/${i}`, rule: r.value, table: tableOf(r.field) }); });
  rules.validations?.forEach((r, i) => {
    if (r.when !== undefined) out.push({ where: `validations/${i}/when`, rule: r.when, table: tableOf(r.field) });
    out.push({ where: `validations/${i}/assert`, rule: r.assert, table: tableOf(r.field) });
  });
  definition.registry?.effects?.forEach((e, i) => {
    if (e.type !== 'setFields') return;
    if (e.when !== undefined) out.push({ where: `effects/${i}/when`, rule: e.when, table: null });
    for (const [field, rule] of Object.entries(e.set)) out.push({ where: `effects/${i}/${field}`, rule, table: null });
  });
  return out;
}

const HOUSEHOLDS: (Household | undefined)[] = [
  undefined,
  { divisionCode: '500118104201', headName: '张大山', headIdNumber: '500228198506120010', kind: '脱贫户', members: [
    { name: '张大山', idNumber: '500228198506120010', relation: '户主', gender: '男' },
    { name: '李秀英', idNumber: '500101199001011248', relation: '配偶', gender: '女' },
  ] },
  { divisionCode: '500118104202', headName: '王五', headIdNumber: '11010519491231002X', kind: '边缘易致贫户',
    identifiedMonth: '2021-03', riskEliminatedMonth: '2021-10', members: [] },
];

const PARAMS = [
  { incomeLine: 6000, incomePeriodStart: '2020-10-01', incomePeriodEnd: '2021-09-30', referenceDate: '2021-09-30' },
  { incomeLine: 7000, incomePeriodStart: '2022-10-01', incomePeriodEnd: '2023-09-30', referenceDate: '2023-09-30' },
];

type Outcome = { value: unknown } | { threw: true };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch {
    return { threw: true };
  }
}

function compare(rule: unknown, scope: RootScope, atRoot = true): void {
  const compiled = outcome(() => compileRule(rule, atRoot)(scope));
  const reference = outcome(() => evaluateReference(rule, scope));
  expect(compiled, JSON.stringify({ rule, data: scope.data, row: scope.row })).toEqual(reference);
}

describe('the compiled evaluator against json-logic-js', () => {
  const { definitions } = loadFormDirectory(FORMS_DIR);

  it('finds shipped definitions to compare on', () => {
    expect(definitions.size).toBeGreaterThan(0);
  });

  for (const [id, definition] of definitions) {
    it(`agrees on every rule of ${id} over 300 generated households`, () => {
      const random = seededRandom(id.length * 7919);
      const rules = rulesOf(definition);
      expect(rules.length).toBeGreaterThan(0);
      for (let n = 0; n < 300; n++) {
        const data = randomFormData(definition, random);
        const scope: RootScope = {
          data, params: pick(random, PARAMS), household: pick(random, HOUSEHOLDS), row: undefined, approval: { month: '2021-11' },
        };
        for (const { rule, table } of rules) {
          if (table === null) {
            compare(rule, scope);
            continue;
          }
          const rows = Array.isArray(data[table]) ? (data[table] as Record<string, unknown>[]) : [];
          for (const row of rows) compare(rule, { ...scope, row });
          // As a table's check runs in production: row-invariant parts computed once, for all rows.
          const memoized = compileRule(rule, true, memoizeRowInvariant);
          const memo = new Map<object, unknown>();
          for (const row of rows) {
            const rowScope = { ...scope, row };
            expect(outcome(() => memoized({ ...rowScope, memo })), JSON.stringify({ rule, row, memoized: true })).toEqual(outcome(() => evaluateReference(rule, rowScope)));
          }
        }
      }
    });
  }
});

// Random rules: every allowed operation, nested, over vars and awkward literals.
const LEAVES: unknown[] = [0, 1, -2, 2.5, '', '0', '3', 'abc', '因病', true, false, null, [], [1, 2], ['因病', '因学']];
const VARS = ['a', 'b', 'n', 's', 'list', 'rows', 'missing', 'rows.0.x', '$params.line', '$household.kind', '$row.x', 'list.1'];
const BINARY = ['==', '===', '!=', '!==', '>', '>=', '<', '<=', '+', '-', '*', '/', '%', 'in', 'cat', 'min', 'max', 'merge',
  'monthsBetween', 'daysBetween', 'ageAt', 'sum', 'round', 'substr'];
const UNARY = ['!', '!!', 'count', 'idGender', '-', '+', 'duplicates'];

function randomRule(random: Random, depth: number): unknown {
  const r = random();
  if (depth <= 0 || r < 0.25) return random() < 0.5 ? pick(random, LEAVES) : { var: pick(random, VARS) };
  if (r < 0.3) return { var: [pick(random, VARS), pick(random, LEAVES)] };
  if (r < 0.4) return { [pick(random, UNARY)]: randomRule(random, depth - 1) };
  if (r < 0.45) return { if: [randomRule(random, depth - 1), randomRule(random, depth - 1), randomRule(random, depth - 1)] };
  if (r < 0.5) return { [pick(random, ['and', 'or'])]: [randomRule(random, depth - 1), randomRule(random, depth - 1), randomRule(random, depth - 1)] };
  if (r < 0.6) {
    const op = pick(random, ['map', 'filter', 'all', 'some', 'none']);
    return { [op]: [{ var: pick(random, ['rows', 'list', 'a']) }, { [pick(random, BINARY)]: [{ var: pick(random, ['x', '', 'y']) }, pick(random, LEAVES)] }] };
  }
  if (r < 0.65) return { reduce: [{ var: 'rows' }, { '+': [{ var: 'accumulator' }, { var: 'current.x' }] }, 0] };
  if (r < 0.7) return { missing: [pick(random, VARS), pick(random, VARS)] };
  if (r < 0.72) return { missing_some: [1, [pick(random, VARS), pick(random, VARS)]] };
  if (r < 0.75) return { '<': [randomRule(random, depth - 1), randomRule(random, depth - 1), randomRule(random, depth - 1)] };
  return { [pick(random, BINARY)]: [randomRule(random, depth - 1), randomRule(random, depth - 1)] };
}

function randomScope(random: Random): RootScope {
  const rows = Array.from({ length: Math.floor(random() * 4) }, () => ({ x: pick(random, LEAVES), y: pick(random, LEAVES) }));
  return {
    data: { a: pick(random, LEAVES), b: pick(random, LEAVES), n: random() * 100, s: pick(random, ['2021-03', '2021-09-30', '11010519491231002X', 'x']), list: pick(random, LEAVES), rows },
    params: { line: pick(random, [6000, 7000, '6000']) },
    household: pick(random, [undefined, { kind: '脱贫户' }]),
    row: rows[0],
    approval: undefined,
  };
}

describe('the compiled evaluator on random rules', () => {
  it('agrees with json-logic-js on 5000 random rules', () => {
    const random = seededRandom(20211109);
    for (let n = 0; n < 5000; n++) compare(randomRule(random, 4), randomScope(random));
  });

  it('agrees on 3000 random rules checked row by row as a table is, row-invariant parts computed once', () => {
    const random = seededRandom(20211110);
    let rowsChecked = 0;
    for (let n = 0; n < 3000; n++) {
      const rule = randomRule(random, 4);
      const scope = randomScope(random);
      const rows = scope.data.rows as Record<string, unknown>[];
      const memoized = outcome(() => compileRule(rule, true, memoizeRowInvariant));
      if ('threw' in memoized) continue;
      const memo = new Map<object, unknown>();
      for (const row of rows) {
        const rowScope = { ...scope, row };
        const run = (memoized as { value: (s: RootScope) => unknown }).value;
        expect(outcome(() => run({ ...rowScope, memo })), JSON.stringify({ rule, row })).toEqual(outcome(() => evaluateReference(rule, rowScope)));
        rowsChecked++;
      }
    }
    expect(rowsChecked).toBeGreaterThan(3000);
  });
});
