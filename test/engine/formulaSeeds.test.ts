// The seed forms' rules written as formulas, as administrators write them: monitoring-object's
// incomes and kind rule, income-ledger's row 51, compiled to the seed's own rules and giving the
// seed's numbers and warnings for 陈国富's household.
import { describe, expect, it } from 'vitest';
import { buildFieldIndex, evaluate, type FormDefinition, type FormulaScope } from '@engine';
import { loadCampaign, loadForm } from '../helpers/forms';
import { CHEN, CHEN_HOUSEHOLD } from './formulaHousehold';
import { logicOf } from './formulaScope';

/** The definition with some of its rules replaced by compiled formulas. */
function withFormulas(definition: FormDefinition, computed: Record<string, string>, validations: Record<string, { when?: string; assert: string }> = {}): FormDefinition {
  const where: FormulaScope = { fields: buildFieldIndex(definition.schema), parameters: definition.parameters ?? {} };
  const rules = definition.rules!;
  return {
    ...definition,
    rules: {
      ...rules,
      computed: rules.computed!.map((r) => (computed[r.field] ? { field: r.field, value: logicOf(computed[r.field]!, where) } : r)),
      validations: rules.validations!.map((r) => {
        const formula = validations[r.id];
        if (!formula) return r;
        return { ...r, when: formula.when ? logicOf(formula.when, where) : undefined, assert: logicOf(formula.assert, where) };
      }),
    },
  };
}

describe('the seed formulas, written as administrators write them', () => {
  const params = loadCampaign('2021').parameters;

  it("monitoring-object: A33, A34, A37 and A38 compile to the seed's own rules", () => {
    const seed = loadForm('monitoring-object');
    const where: FormulaScope = { fields: buildFieldIndex(seed.schema), parameters: seed.parameters ?? {} };
    const seedRule = (field: string) => seed.rules!.computed!.find((r) => r.field === field)!.value;
    expect(logicOf('A28 + A29 + A30 + A31 - A32', where)).toEqual(seedRule('A33'));
    // The per-capita divisor counts only members the household really has (not 空挂, deceased…: 不纳入情形 8 and 9).
    expect(logicOf('ROUND(A33 / COUNTIF(members.notCounted, ""), 2)', where)).toEqual(seedRule('A34'));
    expect(logicOf('A33 + A35 - A36', where)).toEqual(seedRule('A37'));
    expect(logicOf('ROUND(A37 / COUNTIF(members.notCounted, ""), 2)', where)).toEqual(seedRule('A38'));
  });

  it("monitoring-object: the formulas give the seed's numbers for 陈国富's household", () => {
    const seed = loadForm('monitoring-object');
    const compiled = withFormulas(seed, {
      A33: 'A28 + A29 + A30 + A31 - A32', A34: 'ROUND(A33 / COUNTIF(members.notCounted, ""), 2)',
      A37: 'A33 + A35 - A36', A38: 'ROUND(A37 / COUNTIF(members.notCounted, ""), 2)', A26: 'COUNTIFS(members.notCounted, "", members.A17, 否) > 0',
      A4: 'CONTAINS({"脱贫户", "脱贫不稳定户"}, 户.kind)',
    });
    const fromFormulas = evaluate(compiled, CHEN, { params, household: CHEN_HOUSEHOLD });
    expect(fromFormulas.data).toMatchObject({ A33: 42160.5, A34: 10540.13, A37: 37160.5, A38: 9290.13, A26: true, A4: false });
    expect(fromFormulas.data).toEqual(evaluate(seed, CHEN, { params, household: CHEN_HOUSEHOLD }).data);
  });

  it('monitoring-object: the kind rule against the income line, as formulas, warns as the seed does', () => {
    const seed = loadForm('monitoring-object');
    const compiled = withFormulas(seed, {}, {
      'kind-at-or-above-line': { when: 'AND(NOT(ISBLANK(A34)), NOT(ISBLANK(A3)), A34 >= 收入线)', assert: 'A3 = "突发严重困难户"' },
      'kind-below-line-ordinary': { when: 'AND(A34 <> "", A3 <> "", A34 < 收入线, A4 <> 是)', assert: 'A3 = "边缘易致贫户"' },
    });
    const issues = (definition: FormDefinition, data: Record<string, unknown>) => {
      const result = evaluate(definition, data, { params, household: CHEN_HOUSEHOLD });
      return [...result.errors, ...result.warnings].filter((i) => i.code.startsWith('rule:kind')).map((i) => `${i.code} ${i.path}`);
    };
    const above = issues(compiled, CHEN);
    expect(above).toEqual(['rule:kind-at-or-above-line /A3']);
    expect(above).toEqual(issues(seed, CHEN));
    const poor = { ...CHEN, A28: 9000, A29: 0, A31: 0, A3: '突发严重困难户' };
    expect(issues(compiled, poor)).toEqual(['rule:kind-below-line-ordinary /A3']);
    expect(issues(compiled, poor)).toEqual(issues(seed, poor));
    expect(issues(compiled, { ...poor, A3: '边缘易致贫户' })).toEqual([]);
  });

  it("income-ledger: row 51 = (1+20+23+26)-47-50 written as L1+L20+L23+L26-L47-L50 gives the ledger's totals", () => {
    const seed = loadForm('income-ledger');
    const compiled = withFormulas(seed, {
      L3: 'ROUND(L4 + L5 + L6 + L7 + L8, 2)', L9: 'ROUND(L10 + L11 + L12 + L13 + L14 + L15 + L16, 2)',
      L2: 'ROUND(L3 + L9 + L17 + L18, 2)', L1: 'ROUND(L2 + L19, 2)', L20: 'ROUND(SUM(wages.amount), 2)',
      L23: 'ROUND(L24 + L25, 2)', L33: 'ROUND(L34 + L35 + L36, 2)', L27: 'ROUND(L28 + L29 + L30 + L31 + L32 + L33, 2)',
      L26: 'ROUND(L27 + L37 + L38, 2)', L47: 'ROUND(L48 + L49, 2)',
      L51: 'ROUND(L1 + L20 + L23 + L26 - L47 - L50, 2)', L52: 'IF(population >= 1, ROUND(L51 / population, 2), "")',
    });
    const ledger = {
      population: 3, L4_qty: 4, L4: 2400, L5_qty: 1, L5: 1800, L7_qty: 2, L7: 3200.5, L10_qty: 3, L10: 6000, L18: 500, L19: 2000,
      wages: [{ name: '陈国富', workMonths: 9, amount: 18000 }, { name: '陈小军', workMonths: 11, amount: 9600 }],
      L24: 320, L29: 1200, L31: 2400, L34: 600, L37: 1000, L48: 3000, L49: 500, L50: 800,
    };
    const fromFormulas = evaluate(compiled, ledger, { params }).data;
    expect(fromFormulas).toMatchObject({ L3: 7400.5, L2: 13900.5, L1: 15900.5, L20: 27600, L23: 320, L26: 5200, L47: 3500, L51: 44720.5, L52: 14906.83 });
    expect(fromFormulas).toEqual(evaluate(seed, ledger, { params }).data);
    expect(evaluate(compiled, { ...ledger, population: 0 }, { params }).data.L52).toBeUndefined();
  });
});
