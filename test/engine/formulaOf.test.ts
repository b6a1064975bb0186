// formulaOf: a rule shown back as the formula an administrator would write, with parentheses only
// where precedence needs them, options by their label, and null for what the language cannot show.
import { describe, expect, it } from 'vitest';
import { buildFieldIndex, formulaOf, type FormulaScope } from '@engine';
import { loadForm } from '../helpers/forms';
import { scope } from './formulaScope';

describe('formulaOf', () => {
  const monitoring = loadForm('monitoring-object');
  const where: FormulaScope = { fields: buildFieldIndex(monitoring.schema), parameters: monitoring.parameters ?? {} };
  const condition: FormulaScope = { ...where, expect: 'boolean' };

  it("shows the seed's rules as an administrator would write them", () => {
    expect(formulaOf({ '==': [{ var: 'A1' }, true] }, condition)).toBe('A1 = 是');
    expect(formulaOf({ in: ['因自然灾害', { var: ['A27', []] }] }, condition)).toBe('CONTAINS(A27, "因自然灾害")');
    expect(formulaOf(monitoring.rules!.computed!.find((r) => r.field === 'A33')!.value, where)).toBe('A28 + A29 + A30 + A31 - A32');
    const kind = monitoring.rules!.validations!.find((r) => r.id === 'kind-below-line-poverty-exited')!;
    expect(formulaOf(kind.when, condition)).toBe('AND(NOT(ISBLANK(A34)), NOT(ISBLANK(A3)), A34 < 监测收入线, A4 = 是)');
    expect(formulaOf({ '!': { in: [{ var: '$row.A14' }, ['无劳动力', '丧失劳动力']] } }, { ...condition, table: 'members' })).toBe('NOT(CONTAINS({"无劳动力", "丧失劳动力"}, A14))');
    const ledger = loadForm('income-ledger');
    const ledgerScope: FormulaScope = { fields: buildFieldIndex(ledger.schema), parameters: ledger.parameters ?? {} };
    expect(formulaOf(ledger.rules!.computed!.find((r) => r.field === 'L51')!.value, ledgerScope)).toBe('ROUND(L1 + L20 + L23 + L26 - L47 - L50, 2)');
  });

  it('writes parentheses only where precedence needs them', () => {
    expect(formulaOf({ '-': [{ var: ['A28', 0] }, { '-': [{ var: ['A29', 0] }, 1] }] }, scope)).toBe('A28 - (A29 - 1)');
    expect(formulaOf({ '*': [{ '+': [1, 2] }, 3] }, scope)).toBe('(1 + 2) * 3');
    expect(formulaOf({ '+': [1, { '*': [2, 3] }] }, scope)).toBe('1 + 2 * 3');
    expect(formulaOf({ '-': [{ '+': [1, 2] }] }, scope)).toBe('-(1 + 2)');
    expect(formulaOf({ cat: ['x', { '+': [1, 2] }] }, scope)).toBe('"x" & 1 + 2');
  });

  it('shows a coded option by its label', () => {
    expect(formulaOf({ '==': [{ var: 'addReason' }, '1'] }, scope)).toBe('addReason = "新生儿"');
  });

  it('gives null for what the language cannot show', () => {
    expect(formulaOf({ map: [{ var: '$household.members' }, { cat: [{ var: 'idNumber' }, ' ', { var: 'name' }] }] }, where)).toBeNull();
    expect(formulaOf({ reduce: [{ var: 'members' }, { '+': [{ var: 'accumulator' }, 1] }, 0] }, where)).toBeNull();
    expect(formulaOf({ var: 'A99' }, where)).toBeNull();
    expect(formulaOf({ log: 1 }, where)).toBeNull();
    // An empty amount read as empty by + (NaN), where the formula would read 0: not the same rule.
    expect(formulaOf({ '+': [{ var: 'A28' }, 1] }, where)).toBeNull();
    // 0 as default in an equality: empty would equal 0, where the formula keeps empty apart.
    expect(formulaOf({ '==': [{ var: ['A28', 0] }, 0] }, where)).toBeNull();
  });
});
