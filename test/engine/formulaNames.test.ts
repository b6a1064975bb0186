// The names a formula reads: fields by code or dotted key, campaign parameters by name or title,
// household fields as 户.…, the current row's columns, 本表.… past a column, and what it refuses.
import { describe, expect, it } from 'vitest';
import { formulaOf } from '@engine';
import { errorOf, inMembers, logicOf, scope } from './formulaScope';

describe('compileFormula: names', () => {
  it('reads fields by their codes, A27_other and L4_qty included, case-insensitively when unique', () => {
    expect(logicOf('A27_other')).toEqual({ var: 'A27_other' });
    expect(logicOf('L4_qty * 2')).toEqual({ '*': [{ var: ['L4_qty', 0] }, 2] });
    expect(logicOf('a28 + 1')).toEqual(logicOf('A28 + 1'));
    expect(logicOf('divisionCode')).toEqual({ var: 'divisionCode' });
  });

  it('reads a field of a group by its dotted key', () => {
    expect(logicOf('address.county = "永川区"')).toEqual({ '==': [{ var: 'address.county' }, '永川区'] });
    expect(errorOf('address = "x"').message).toBe('address 是一组字段，请写出其中的字段，如 address.…');
  });

  it('reads campaign parameters by name, by the title the administrator sees, or by its telling part', () => {
    const line = { var: '$params.incomeLine' };
    expect(logicOf('incomeLine')).toEqual(line);
    expect(logicOf('$params.incomeLine')).toEqual(line);
    expect(logicOf('监测收入线')).toEqual(line);
    expect(logicOf('收入线')).toEqual(line);
    expect(logicOf('[监测收入线（元/人·年）]')).toEqual(line);
    expect(logicOf('【监测收入线（元/人·年）】')).toEqual(line);
    expect(logicOf('统计时点')).toEqual({ var: '$params.referenceDate' });
  });

  it('asks for the whole title when a part of it names several parameters', () => {
    expect(errorOf('MONTHS(收入计算周期, A7)').message).toBe('“收入计算周期” 可能是 收入计算周期开始日、收入计算周期结束日，请写完整');
  });

  it('reads household fields as 户.kind or $household.kind, unless the scope has no household', () => {
    expect(logicOf('户.kind = "脱贫户"')).toEqual({ '==': [{ var: '$household.kind' }, '脱贫户'] });
    expect(logicOf('$household.kind = "脱贫户"')).toEqual(logicOf('户.kind = "脱贫户"'));
    expect(logicOf('COUNT(户.members)')).toEqual({ count: { var: '$household.members' } });
    expect(errorOf('户.kind = "脱贫户"', { ...scope, household: false }).message).toBe('这里不能读取户信息');
    expect(errorOf('户.colour').message).toBe('户信息中没有 colour');
    expect(errorOf('户.kind = "富裕户"').message).toMatch(/^户\.kind 没有选项“富裕户”/);
  });

  it("reads the current row's columns by code in a rule on a column, before a field of the same code", () => {
    expect(logicOf('A16 > 6', inMembers)).toEqual({ '>': [{ var: '$row.A16' }, 6] });
    expect(logicOf('$row.A16 > 6', inMembers)).toEqual(logicOf('A16 > 6', inMembers));
    expect(logicOf('A28 + 1', inMembers)).toEqual({ '+': [{ var: ['$row.A28', 0] }, 1] });
    expect(logicOf('A28 + 1')).toEqual({ '+': [{ var: ['A28', 0] }, 1] });
    expect(logicOf('A3', inMembers)).toEqual({ var: 'A3' });
  });

  it('reads the form\'s own field past a column of the same code as 本表.A28, and shows it so', () => {
    expect(logicOf('本表.A28 + A28', inMembers)).toEqual({ '+': [{ var: ['A28', 0] }, { var: ['$row.A28', 0] }] });
    expect(formulaOf({ '>': [{ var: 'A28' }, { var: '$row.A28' }] }, inMembers)).toBe('本表.A28 > A28');
    expect(formulaOf({ '>': [{ var: 'A28' }, 0] }, scope)).toBe('A28 > 0');
  });

  it('refuses $row outside a rule on a column, and columns the table lacks', () => {
    expect(errorOf('$row.A16 > 1').message).toBe('$row 只能用于表格列上的规则');
    expect(errorOf('$row.A99 > 1', inMembers).message).toBe('表格 members 中没有列 A99');
    expect(errorOf('$params.povertyLine').message).toBe('没有活动参数 povertyLine');
  });
});
