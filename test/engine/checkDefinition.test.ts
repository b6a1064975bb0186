import { describe, expect, it } from 'vitest';
import { checkDefinition, compileForm, DefinitionError, type FormDefinition } from '@engine';
import { defineForm, money, readOnlyMoney, table, text, yesNo } from '../helpers/defineForm';

const fields = {
  A1: yesNo('A1 居住在安置区'),
  A28: money('A28 工资性收入（元）'),
  A29: money('A29 生产经营性收入（元）'),
  A33: readOnlyMoney('A33 家庭纯收入（元）'),
  A34: readOnlyMoney('A34 家庭人均纯收入（元）'),
  members: table('家庭成员', { A5: text('A5 姓名'), A17: yesNo('A17 是否参加基本医疗保险') }),
};

function errorsOf(definition: unknown) {
  return checkDefinition(definition).filter((p) => p.severity === 'error');
}

function withRule(computed: unknown): FormDefinition {
  return defineForm(fields, { computed: [{ field: 'A33', value: computed }] });
}

describe('checkDefinition', () => {
  it('accepts a sound definition', () => {
    const sound = defineForm(fields, {
      computed: [
        { field: 'A33', value: { '+': [{ var: ['A28', 0] }, { var: ['A29', 0] }] } },
        { field: 'A34', value: { '/': [{ var: 'A33' }, { count: { var: 'members' } }] } },
      ],
      visibility: [{ field: 'members.A17', when: { '!!': { var: '$row.A5' } } }],
      validations: [{ id: 'a26', field: 'A1', assert: { all: [{ var: 'members' }, { var: 'A17' }] }, message: 'A1 测试' }],
    });
    expect(checkDefinition(sound)).toEqual([]);
  });

  it("refuses json-logic-js's method operation, so rules never reach code", () => {
    expect(errorsOf(withRule({ method: [{ var: 'A28' }, 'constructor'] }))).toEqual([{
      path: '/rules/computed/0/value/method', severity: 'error', message: '不允许的运算 "method"：规则只能使用允许列表中的运算',
    }]);
  });

  it('refuses log and any operation outside the allow-list', () => {
    expect(errorsOf(withRule({ log: 1 }))[0]!.message).toMatch(/不允许的运算 "log"/);
    expect(errorsOf(withRule({ '+': [1, { 'Math.max': [1, 2] }] }))[0]!.path).toBe('/rules/computed/0/value/+/1/Math.max');
  });

  it('refuses var paths through __proto__, constructor or prototype', () => {
    for (const path of ['__proto__.polluted', 'A28.constructor', 'members.prototype']) {
      expect(errorsOf(withRule({ var: path }))[0]!.message).toMatch(/var 路径不能包含/);
    }
  });

  it('refuses computed var paths', () => {
    expect(errorsOf(withRule({ var: { cat: ['A', '28'] } }))[0]!.message).toBe('var 的路径必须是文字，不能由其他运算计算得出');
  });

  it('refuses rules deeper or larger than the caps', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { '+': [deep, 1] };
    expect(errorsOf(withRule(deep))[0]!.message).toMatch(/规则嵌套过深/);
    const wide = { '+': Array.from({ length: 2500 }, () => 1) };
    expect(errorsOf(withRule(wide))[0]!.message).toMatch(/规则过大/);
  });

  it('refuses objects that are neither data nor one operation', () => {
    expect(errorsOf(withRule({ var: 'A28', '+': 1 }))[0]!.message).toMatch(/恰好包含一个运算/);
  });

  it('names a field that does not exist', () => {
    expect(errorsOf(withRule({ '+': [{ var: 'A28' }, { var: 'A99' }] }))).toEqual([{
      path: '/rules/computed/0/value/+/1/var', severity: 'error', message: '规则引用了不存在的字段 "A99"',
    }]);
  });

  it('checks the columns an iterator reads against the table it walks', () => {
    const rule = { some: [{ var: 'members' }, { '==': [{ var: 'A18' }, false] }] };
    expect(errorsOf(withRule(rule))[0]!.message).toBe('表格 members 中没有列 "A18"');
  });

  it('refuses undeclared campaign parameters and $row outside a table', () => {
    expect(errorsOf(withRule({ var: '$params.incomeLine' }))[0]!.message).toMatch(/未声明的活动参数/);
    expect(errorsOf(withRule({ var: '$row.A5' }))[0]!.message).toBe('$row 只能用于表格列上的规则');
  });

  it('refuses a cycle among computed values, naming it', () => {
    const cycle = defineForm(fields, {
      computed: [
        { field: 'A33', value: { '*': [{ var: 'A34' }, 2] } },
        { field: 'A34', value: { '/': [{ var: 'A33' }, 2] } },
      ],
    });
    expect(errorsOf(cycle)).toEqual([{ path: '/rules', severity: 'error', message: expect.stringMatching(/循环依赖：A3[34] → A3[34] → A3[34]/) }]);
  });

  it('refuses a visibility condition that reads its own field', () => {
    const selfHiding = defineForm(fields, { visibility: [{ field: 'A28', when: { '>': [{ var: 'A28' }, 0] } }] });
    expect(errorsOf(selfHiding)[0]!.message).toMatch(/循环依赖：A28 → A28/);
  });

  it('requires computed fields to be read-only', () => {
    const writable = defineForm(fields, { computed: [{ field: 'A28', value: 1 }] });
    expect(errorsOf(writable)[0]).toEqual({
      path: '/rules/computed/0/field', severity: 'error', message: '计算字段 A28 必须在 schema 中标为只读（"readOnly": true）',
    });
  });

  it('reports an invalid JSON Schema', () => {
    const broken = defineForm({ A28: { type: 'number', minimun: 0, title: 'A28' } });
    expect(errorsOf(broken)[0]!.path).toBe('/schema');
    expect(errorsOf(broken)[0]!.message).toMatch(/JSON Schema 无效.*minimun/);
  });

  it('reports a misspelt top-level key and a missing title', () => {
    const typo = { ...defineForm(fields), rule: {} } as unknown;
    expect(errorsOf(typo).map((p) => p.path)).toContain('');
    const { title: _title, ...untitled } = defineForm(fields);
    expect(errorsOf(untitled).map((p) => p.path)).toContain('/title');
  });

  it('checks sections, visibility targets and validation ids', () => {
    const def = defineForm(fields, {
      visibility: [{ section: 'nowhere', when: true }],
      validations: [
        { id: 'v', field: 'A28', assert: true, message: 'A28' },
        { id: 'v', field: 'A404', assert: true, message: 'x' },
      ],
    }, { sections: [{ id: 's', title: '一', fields: ['A28', 'A404'] }] });
    expect(errorsOf(def).map((p) => p.path).sort()).toEqual([
      '/rules/validations/1/field', '/rules/validations/1/id', '/rules/visibility/0/section', '/sections/0/fields/1',
    ]);
  });

  it('checks registry hooks against the household catalogue', () => {
    const def = defineForm(fields, {}, {
      registry: {
        prefill: [{ field: 'A28', from: 'salary' }, { field: 'members', from: 'members', columns: { A5: 'name', A9: 'age' } }],
        effects: [{ type: 'setFields', set: { memberCount: 3, kind: { var: 'A99' } } }],
      },
    });
    expect(errorsOf(def).map((p) => p.message)).toEqual([
      '户信息中没有字段 "salary"',
      '表格 members 中没有列 "A9"',
      '家庭成员信息中没有字段 "age"',
      '户信息字段 memberCount 不能由表单直接写入',
      '规则引用了不存在的字段 "A99"',
    ]);
  });

  it('checks that review levels go up the hierarchy', () => {
    const def = defineForm(fields, {}, {
      review: { levels: [{ id: 'county', title: '县级确定', divisionDigits: 6 }, { id: 'township', title: '乡镇审核', divisionDigits: 9 }] },
    });
    expect(errorsOf(def)[0]!.path).toBe('/review/levels/1/divisionDigits');
  });

  describe('review escalations', () => {
    const TOWNSHIP = { id: 'township', title: '乡镇审核', divisionDigits: 9 as const };
    const COUNTY = { id: 'county', title: '县级确定', divisionDigits: 6 as const };
    const escalate = (escalation: Record<string, unknown>) => defineForm(fields, {}, {
      review: { levels: [TOWNSHIP], escalations: [{ id: 'e', when: { '==': [{ var: 'A1' }, true] }, level: COUNTY, reason: '须县级确定', ...escalation }] } as never,
    });

    it('accepts one that reads the form and sends the final approval above the first level', () => {
      expect(checkDefinition(escalate({}))).toEqual([]);
    });

    it('refuses a condition on an unknown field or on the campaign or the household', () => {
      expect(errorsOf(escalate({ when: { var: 'A99' } })).map((p) => p.path)).toEqual(['/review/escalations/0/when/var']);
      expect(errorsOf(escalate({ when: { '==': [{ var: '$household.kind' }, '脱贫户'] } }))).toEqual([{
        path: '/review/escalations/0/when/==/0/var', severity: 'error', message: '审核升级规则 e 只能读取本表填写的内容，不能读取 $household',
      }]);
    });

    it('refuses a final level not above the first level of the chain, or the village', () => {
      expect(errorsOf(escalate({ level: TOWNSHIP }))).toEqual([{
        path: '/review/escalations/0/level/divisionDigits', severity: 'error',
        message: '最终审核级别“乡镇审核”应高于第一级审核“乡镇审核”（代码位数更少，如县 6 位高于乡镇 9 位）',
      }]);
      expect(errorsOf(escalate({ level: { id: 'v', title: '村', divisionDigits: 12 } }))[0]!.path).toBe('/review/escalations/0/level/divisionDigits');
    });

    it('refuses an escalation without a reason to show', () => {
      expect(errorsOf(escalate({ reason: '' })).map((p) => p.path)).toEqual(['/review/escalations/0/reason']);
    });
  });

  it('is what compileForm enforces: a broken definition throws DefinitionError with the problems', () => {
    const broken = withRule({ method: ['x', 'y'] });
    expect(() => compileForm(broken)).toThrow(DefinitionError);
    try {
      compileForm(broken);
    } catch (e) {
      expect((e as DefinitionError).problems[0]!.path).toBe('/rules/computed/0/value/method');
    }
  });

  it('hints when a message names its field neither by code nor by label', () => {
    const hintsFor = (message: string) => checkDefinition(defineForm(fields, {
      validations: [{ id: 'v', field: 'A28', assert: { '>=': [{ var: 'A28' }, 0] }, message }],
    })).filter((p) => p.severity === 'warning').map((p) => p.path);
    expect(hintsFor('A28 工资性收入（元）不能为负')).toEqual([]);
    expect(hintsFor('工资性收入：不能为负')).toEqual([]);
    expect(hintsFor('不能为负数，请核实')).toEqual(['/rules/validations/0/message']);
  });

  it('refuses key values for the reviewer\'s table that are not top-level fields', () => {
    const withKeys = (keyFields: unknown) => errorsOf({ ...defineForm(fields), uiSchema: { 'ui:options': { keyFields } } }).map((p) => p.path);
    expect(withKeys(['A28', 'A34'])).toEqual([]);
    expect(withKeys(['A99', 'members.A5', 'members'])).toEqual([
      '/uiSchema/ui:options/keyFields/0', '/uiSchema/ui:options/keyFields/1', '/uiSchema/ui:options/keyFields/2',
    ]);
    expect(withKeys('A28')).toEqual(['/uiSchema/ui:options/keyFields']);
  });
});
