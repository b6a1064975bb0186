// The formula language's round trips: what it compiles, the definition checker accepts and
// formulaOf reads back to the very same rule; and every shipped rule formulaOf can show, compiled
// again, means the same as the original on generated households.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildFieldIndex, compileFormula, compileRule, formulaOf,
  type FormDefinition, type FormulaScope, type Household,
} from '@engine';
import { checkRule } from '@engine/definition/checkRules';
import { FORMS_DIR, loadCampaign, loadForm } from '../helpers/forms';
import { seededRandom } from '../helpers/randomData';
import { compareOnHouseholds } from '../helpers/sameOnHouseholds';
import { shippedRules, type ShippedRule } from '../helpers/shippedRules';
import { CHEN_HOUSEHOLD } from './formulaHousehold';
import { form, inMembers, logicOf, scope } from './formulaScope';

describe('compileFormula: what it writes, the engine accepts', () => {
  const formulas: [string, FormulaScope][] = [
    ['A28 + A29 + A30 + A31 - A32', scope], ['ROUND(A33 / COUNT(members), 2)', scope], ['IF(A34 < 收入线, "低", "")', scope],
    ['COUNTIF(members.A17, 否) > 0', scope], ['COUNTIFS(members.A14, "普通劳动力", members.A16, ">=6")', scope],
    ['SUMIF(members.A14, "普通劳动力", members.A16)', scope], ['SUM(members.A28, A28)', scope], ['CONTAINS(A27, "因自然灾害")', scope],
    ['NOT(CONTAINS({"无劳动力", "丧失劳动力"}, A14))', inMembers], ['6 <= AGE(A7, 统计时点) <= 16', inMembers],
    ['NOT(CONTAINS(DUPLICATES(members.A7), A7))', inMembers], ['CONTAINS(户.members.idNumber, A7)', inMembers],
    ['COUNTIF(户.members.medicalInsurance, 否) > 0', scope], ['MONTHS(户.identifiedMonth, A54) >= 6', scope],
    ['AND(NOT(ISBLANK(A28)), ISBLANK(A54), A28 <> "", ISBLANK(A28 + 1))', scope], ['LEN(divisionCode) = 12', scope],
    ['MID(A8, 7, 4) & "-" & MID(A8, 11, 2)', scope], ['ABS(A28 - A32) + MOD(A28, 2) + MIN(A28, 1) + MAX(A29, 2)', scope],
    ['IFS(A1, "是", NOT(A1), "否")', scope], ['DAYS(收入计算周期开始日, fillDate) >= 0', scope], ['COUNTIF(members.A5, "")', scope],
  ];

  it('passes the definition checker (allow-listed operations, existing fields, rows and parameters)', () => {
    for (const [formula, where] of formulas) {
      const problems = checkRule(logicOf(formula, where), '/rule', form, scope.fields, where.table ?? null);
      expect(problems, formula).toEqual([]);
    }
  });

  it('reads back every formula it compiles, to the very same rule', () => {
    for (const [formula, where] of formulas) {
      const logic = logicOf(formula, where);
      const again = formulaOf(logic, where);
      expect(again, formula).not.toBeNull();
      expect(logicOf(again!, where), `${formula} → ${again}`).toEqual(logic);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The round trip over every shipped definition: each computed value and each validation's
// when/assert that formulaOf can show is compiled again and evaluated beside the original, on
// generated households as the engine computes them, with every value of its schema type (data of
// another type never passes the schema). Computed values must be equal as stored (NaN, null and
// no value alike); conditions must agree in truthiness, which is all a condition is used for.

const DEFINITIONS = readdirSync(FORMS_DIR)
  .filter((id) => existsSync(join(FORMS_DIR, id, 'definition.json')))
  .map((id) => loadForm(id));

function scopeOf(definition: FormDefinition, rule: ShippedRule): FormulaScope {
  return { fields: buildFieldIndex(definition.schema), parameters: definition.parameters ?? {}, table: rule.table, expect: rule.condition ? 'boolean' : undefined };
}

const HOUSEHOLDS: (Household | undefined)[] = [
  undefined,
  CHEN_HOUSEHOLD,
  { divisionCode: '500118104201', headName: '张大山', headIdNumber: '500228198506120010', kind: '脱贫户', members: [
    { name: '张大山', idNumber: '500228198506120010', relation: '户主', gender: '男', medicalInsurance: true, minimumLivingAllowance: false },
    { name: '李秀英', idNumber: '500101199001011248', relation: '配偶', gender: '女', medicalInsurance: false, minimumLivingAllowance: true },
  ] },
  { divisionCode: '500118104202', headName: '王五', headIdNumber: '11010519491231002X', kind: '边缘易致贫户', identifiedMonth: '2021-03', members: [] },
];


describe('formulaOf and compileFormula: the round trip over the shipped definitions', () => {
  const CAMPAIGNS = ['2021', '2023', '2021-lookback'].map((id) => loadCampaign(id).parameters);

  it('finds the shipped definitions', () => {
    expect(DEFINITIONS.map((d) => d.id)).toEqual(expect.arrayContaining(['monitoring-object', 'income-ledger', 'lookback', 'policy-exit']));
  });

  it('shows every shipped rule but five: three that compare computed values over household members, two that read 不纳入情形 marks with some()', () => {
    const unshown = DEFINITIONS.flatMap((d) => shippedRules(d).filter((r) => formulaOf(r.rule, scopeOf(d, r)) === null).map((r) => r.where));
    expect(unshown.sort()).toEqual([
      'member-additions not-yet-member assert',
      'member-removals head-removed assert',
      'member-removals name-matches-registry assert',
      'monitoring-object computed A26',
      'monitoring-object computed E9',
    ]);
  });

  it('compiles every shown rule to one the definition checker accepts', () => {
    for (const definition of DEFINITIONS) {
      const index = buildFieldIndex(definition.schema);
      for (const rule of shippedRules(definition)) {
        const formula = formulaOf(rule.rule, scopeOf(definition, rule));
        if (formula === null) continue;
        const result = compileFormula(formula, scopeOf(definition, rule));
        expect(result.ok, `${rule.where}: ${formula}`).toBe(true);
        if (result.ok) expect(checkRule(result.logic, '/rule', definition, index, rule.table ?? null), rule.where).toEqual([]);
      }
    }
  });

  for (const definition of DEFINITIONS) {
    it(`means the same on 300 generated households: ${definition.id}`, () => {
      const pairs = shippedRules(definition).flatMap((rule) => {
        const formula = formulaOf(rule.rule, scopeOf(definition, rule));
        const result = formula === null ? null : compileFormula(formula, scopeOf(definition, rule));
        return formula !== null && result?.ok ? [{ ...rule, text: formula, original: compileRule(rule.rule), again: compileRule(result.logic) }] : [];
      });
      expect(pairs.length).toBeGreaterThan(0);
      const random = seededRandom(definition.id.length * 104729);
      const compared = compareOnHouseholds(definition, pairs, random, { params: CAMPAIGNS, households: HOUSEHOLDS, times: 300 });
      expect(compared).toBeGreaterThan(300);
    });
  }
});
