// The definition check finds a bound on a computed field that its formula can break: the
// officer cannot change a computed value, so "不能小于 0" on a total that can go negative would
// block every submit of a household whose costs exceed its income. Bounds the formula provably
// keeps pass. Checked on the real forms with a bound added, as an administrator would add it.
import { describe, expect, it } from 'vitest';
import { checkDefinition, type FormDefinition, type JsonSchema } from '@engine';
import { valueRange, ANY } from '@engine/rules/valueRange';
import { defineForm, money, readOnlyMoney, table } from '../helpers/defineForm';
import { loadForm } from '../helpers/forms';

/** The form with extra schema keywords on one top-level field. */
function bounded(formId: string, field: string, bound: JsonSchema): FormDefinition {
  const form = structuredClone(loadForm(formId));
  const properties = form.schema.properties as Record<string, JsonSchema>;
  properties[field] = { ...properties[field], ...bound };
  return form;
}

const boundProblems = (definition: FormDefinition) =>
  checkDefinition(definition).filter((p) => /^\/schema\/.*\/(minimum|maximum|exclusiveMinimum|exclusiveMaximum)$/.test(p.path));

describe('bounds on computed fields', () => {
  it('finds "不能小于 0" on row 51 of the income ledger, which is (1+20+23+26)-47-50 and so may be negative', () => {
    expect(boundProblems(bounded('income-ledger', 'L51', { minimum: 0 }))).toEqual([{
      path: '/schema/properties/L51/minimum', severity: 'error',
      message: '51 农村家庭年收入总额（元）是计算字段（由公式得出，填表人无法修改），它的公式可能得出 -3,000,000 至 无上限 之间的值，会违反“不能小于 0”而使表无法提交：请去掉这个限制，或改公式使结果不越界',
    }]);
  });

  it('finds it on A33 家庭纯收入 of the monitoring form (A28+A29+A30+A31-A32) and on A34 that divides it', () => {
    expect(boundProblems(bounded('monitoring-object', 'A33', { minimum: 0 })).map((p) => p.path)).toEqual(['/schema/properties/A33/minimum']);
    expect(boundProblems(bounded('monitoring-object', 'A34', { minimum: 0 })).map((p) => p.path)).toEqual(['/schema/properties/A34/minimum']);
  });

  it('passes a minimum the formula keeps: row 3 adds rows 4-8, each at least 0', () => {
    expect(boundProblems(bounded('income-ledger', 'L3', { minimum: 0 }))).toEqual([]);
  });

  it('finds a maximum the formula can pass: row 3 adds five amounts of up to 1,000,000 元 each', () => {
    expect(boundProblems(bounded('income-ledger', 'L3', { maximum: 100000 }))[0]!.message).toContain('0 至 5,000,000 之间的值，会违反“不能大于 100,000”');
    expect(boundProblems(bounded('income-ledger', 'L3', { maximum: 5000000 }))).toEqual([]);
  });

  it('keeps the shipped policy-exit count of criteria met (0 to 8) and finds a tighter one, exclusive bounds too', () => {
    expect(boundProblems(loadForm('policy-exit'))).toEqual([]);
    expect(boundProblems(bounded('policy-exit', 'criteriaMet', { maximum: 7 })).map((p) => p.path)).toEqual(['/schema/properties/criteriaMet/maximum']);
    expect(boundProblems(bounded('policy-exit', 'criteriaMet', { minimum: undefined, exclusiveMinimum: 0 }))[0]!.message).toContain('须大于 0');
  });

  it('finds a bound on a per-capita value whose divisor may be 0 (row 52 divides by the registry count)', () => {
    expect(boundProblems(bounded('income-ledger', 'L52', { exclusiveMinimum: 0 })).map((p) => p.path)).toEqual(['/schema/properties/L52/exclusiveMinimum']);
  });

  it('follows a chain of computed fields and a table column to its rows cap, naming a column by its place in the schema', () => {
    const form = defineForm({
      rows: { ...table('明细', { amount: money('金额（元）'), share: readOnlyMoney('份额（元）') }), maxItems: 3 },
      total: readOnlyMoney('合计（元）'),
      net: { ...readOnlyMoney('净额（元）'), minimum: 0, maximum: 3000000 },
    }, {
      computed: [
        { field: 'total', value: { sum: [{ var: 'rows' }, 'amount'] } },
        { field: 'net', value: { '-': [{ var: 'total' }, 1] } },
        { field: 'rows.share', value: { '-': [{ var: '$row.amount' }, 1] } },
      ],
    });
    const withMoney = { ...form, uiSchema: { rows: { items: { amount: { 'ui:widget': 'money' } } } } };
    expect(boundProblems(withMoney).map((p) => [p.path, /可能得出 .* 之间的值/.exec(p.message)?.[0]])).toEqual([
      ['/schema/properties/net/minimum', '可能得出 -1 至 2,999,999 之间的值'],
    ]);
    const columnBound = structuredClone(withMoney);
    const rows = (columnBound.schema.properties as Record<string, JsonSchema>).rows!;
    ((rows.items as JsonSchema).properties as Record<string, JsonSchema>).share = { ...readOnlyMoney('份额（元）'), minimum: 0 };
    expect(boundProblems(columnBound).map((p) => p.path)).toContain('/schema/properties/rows/items/properties/share/minimum');
  });
});

describe('valueRange', () => {
  const scope = { varRange: () => ({ lo: 0, hi: 10 }), rowsOf: () => 4, columnRange: () => ({ lo: 1, hi: 2 }) };

  it('bounds arithmetic, rounding, min/max and both branches of an if', () => {
    expect(valueRange({ '-': [{ var: 'a' }, { var: 'b' }] }, scope)).toEqual({ lo: -10, hi: 10 });
    expect(valueRange({ '*': [{ var: 'a' }, -2] }, scope)).toEqual({ lo: -20, hi: 0 });
    expect(valueRange({ round: [{ '/': [{ var: 'a' }, 3] }, 2] }, scope)).toEqual({ lo: 0, hi: 3.33 });
    expect(valueRange({ max: [{ '-': [{ var: 'a' }, 20] }, 0] }, scope)).toEqual({ lo: 0, hi: 0 });
    expect(valueRange({ if: [{ var: 'c' }, -5, { var: 'a' }] }, scope)).toEqual({ lo: -5, hi: 10 });
    expect(valueRange({ sum: [{ var: 't' }, 'x'] }, scope)).toEqual({ lo: 0, hi: 8 });
  });

  it('cannot bound a division whose divisor may be 0, nor a campaign parameter', () => {
    expect(valueRange({ '/': [1, { var: 'a' }] }, scope)).toEqual(ANY);
    expect(valueRange({ '/': [{ var: 'a' }, { '+': [{ var: 'a' }, 1] }] }, scope)).toEqual({ lo: 0, hi: 10 });
  });
});
