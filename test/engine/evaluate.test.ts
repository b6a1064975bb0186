import { describe, expect, it } from 'vitest';
import { evaluate } from '@engine';
import { defineForm, money, readOnlyMoney, table, text, yesNo } from '../helpers/defineForm';

const income = defineForm(
  {
    A1: yesNo('A1 居住在大中型易地扶贫搬迁集中安置区'),
    A2: text('A2 安置区地址'),
    A28: money('A28 工资性收入（元）'),
    A29: money('A29 生产经营性收入（元）'),
    A32: money('A32 生产经营性支出（元）'),
    A33: readOnlyMoney('A33 家庭纯收入（元）'),
    A34: readOnlyMoney('A34 家庭人均纯收入（元）'),
    members: table('家庭成员', {
      A5: text('A5 姓名'),
      A7: text('A7 居民身份证号码', { format: 'resident-id' }),
      A15: text('A15 务工区域'),
      A16: { type: 'integer', minimum: 0, maximum: 12, title: 'A16 务工时间（月）' },
    }, ['A5', 'A7', 'A16']),
  },
  {
    visibility: [
      { field: 'A2', when: { '==': [{ var: 'A1' }, true] } },
      { field: 'members.A16', when: { '!!': { var: '$row.A15' } } },
    ],
    computed: [
      { field: 'A34', value: { round: [{ '/': [{ var: 'A33' }, { count: { var: 'members' } }] }, 2] } },
      { field: 'A33', value: { '-': [{ '+': [{ var: ['A28', 0] }, { var: ['A29', 0] }] }, { var: ['A32', 0] }] } },
    ],
    validations: [
      {
        id: 'below-line', field: 'A34', severity: 'warning',
        assert: { '>=': [{ var: 'A34' }, { var: '$params.incomeLine' }] },
        message: 'A34 家庭人均纯收入 {{A34}} 元低于收入线 {{$params.incomeLine}} 元',
      },
    ],
  },
  { required: ['A1', 'A2', 'A28'], parameters: { incomeLine: { title: '收入线', type: 'number' } } },
);

const members = [
  { A5: '张大山', A7: '500228198506120010', A15: '省外', A16: 10 },
  { A5: '李秀英', A7: '500101199001011248' },
];

describe('evaluate', () => {
  it('fills computed values in dependency order, whatever order the rules are written in', () => {
    const result = evaluate(income, { A1: false, A28: 12000, A29: 3000, A32: 1000, members }, { params: { incomeLine: 6000 } });
    expect(result.data.A33).toBe(14000);
    expect(result.data.A34).toBe(7000);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('ignores a computed value sent by the client', () => {
    const result = evaluate(income, { A1: false, A28: 100, A33: 999999, A34: 5, members }, { params: { incomeLine: 6000 } });
    expect(result.data.A33).toBe(100);
    expect(result.data.A34).toBe(50);
  });

  it('counts empty amounts as 0 and leaves a per-capita value out when there are no members', () => {
    const result = evaluate(income, { A1: false, A28: 500 }, { params: { incomeLine: 6000 } });
    expect(result.data.A33).toBe(500);
    expect(result.data).not.toHaveProperty('A34');
  });

  it('reports a warning naming the field, its value and the campaign parameter', () => {
    const result = evaluate(income, { A1: false, A28: 5000, members }, { params: { incomeLine: 6000 } });
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([{
      path: '/A34', field: 'A34', code: 'rule:below-line', severity: 'warning',
      message: 'A34 家庭人均纯收入 2500 元低于收入线 6000 元',
    }]);
  });

  it('hides A2 unless A1 is 是, drops its value and does not require it while hidden', () => {
    const hidden = evaluate(income, { A1: false, A2: '幸福小区', A28: 1, members }, { params: { incomeLine: 0 } });
    expect(hidden.hidden).toContain('/A2');
    expect(hidden.data).not.toHaveProperty('A2');
    expect(hidden.errors).toEqual([]);

    const shown = evaluate(income, { A1: true, A28: 1, members }, { params: { incomeLine: 0 } });
    expect(shown.hidden).not.toContain('/A2');
    expect(shown.errors).toEqual([expect.objectContaining({ path: '/A2', field: 'A2', code: 'required', message: 'A2 安置区地址为必填项' })]);
  });

  it('decides visibility per table row and reports row errors with the row number', () => {
    const result = evaluate(income, {
      A1: false, A28: 1,
      members: [{ A5: '张大山', A7: '500228198506120010', A15: '省外', A16: 13 }, { A5: '李秀英', A7: '500101199001011249', A16: 3 }],
    }, { params: { incomeLine: 0 } });
    expect(result.hidden).toEqual(['/A2', '/members/1/A16']);
    expect(result.data.members).toEqual([
      { A5: '张大山', A7: '500228198506120010', A15: '省外', A16: 13 },
      { A5: '李秀英', A7: '500101199001011249' },
    ]);
    expect(result.errors.map((e) => [e.path, e.message])).toEqual([
      ['/members/0/A16', '家庭成员第 1 行：A16 务工时间（月）不能大于 12'],
      ['/members/1/A7', '家庭成员第 2 行：A7 居民身份证号码：校验位错误（第 18 位应为 8）'],
    ]);
  });

  it('says in Chinese what is wrong with each value, naming the field', () => {
    const result = evaluate(income, { A1: '是', A28: -5, A29: '三千', members: [{ A7: '5002281985061200' }] }, { params: { incomeLine: 0 } });
    const messages = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
    expect(messages).toMatchObject({
      '/A1': 'A1 居住在大中型易地扶贫搬迁集中安置区应选择“是”或“否”',
      '/A28': 'A28 工资性收入（元）不能小于 0',
      '/A29': 'A29 生产经营性收入（元）应填写数字',
      '/members/0/A5': '家庭成员第 1 行：A5 姓名为必填项',
      '/members/0/A7': '家庭成员第 1 行：A7 居民身份证号码：应为 18 位（现为 16 位）',
    });
  });

  it('drops unknown keys, __proto__ included, and never changes the prototype', () => {
    const input = JSON.parse('{"A1": false, "A28": 1, "junk": 1, "__proto__": {"polluted": true}, "members": [{"A5": "甲", "A7": "500228198506120010", "constructor": 1}]}');
    const result = evaluate(income, input, { params: { incomeLine: 0 } });
    expect(Object.keys(result.data).sort()).toEqual(['A1', 'A28', 'A33', 'A34', 'members']);
    expect((result.data.members as object[])[0]).toEqual({ A5: '甲', A7: '500228198506120010' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
  });

  it('treats null, empty and blank strings as not filled, and trims text', () => {
    const result = evaluate(income, { A1: true, A2: '   ', A28: null, members: [{ A5: ' 张三 ', A7: '500228198506120010' }] }, { params: { incomeLine: 0 } });
    expect(result.errors.map((e) => e.path).sort()).toEqual(['/A2', '/A28']);
    expect((result.data.members as { A5: string }[])[0]!.A5).toBe('张三');
  });

  it('never throws on data that is not an object', () => {
    for (const input of [null, 42, 'x', [1, 2], undefined]) {
      const result = evaluate(income, input, { params: { incomeLine: 0 } });
      expect(result.valid).toBe(false);
      expect(result.errors.some((e) => e.code === 'required' && e.path === '/A28')).toBe(true);
    }
  });

  it('never throws when table rows or values have the wrong shape', () => {
    const result = evaluate(income, { A1: false, A28: 1, members: [null, 5, 'x', { A5: ['a'], A7: 1, A15: {} }] }, { params: { incomeLine: 0 } });
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    const notATable = evaluate(income, { A1: false, A28: 1, members: 'none' }, { params: {} });
    expect(notATable.errors).toContainEqual(expect.objectContaining({ path: '/members', code: 'type' }));
  });

  it('does not change the data it is given', () => {
    const input = { A1: false, A2: 'x', A28: 10, A33: 1, members: [{ A5: '甲', A7: '500228198506120010', A16: 3 }] };
    const copy = structuredClone(input);
    evaluate(income, input, { params: { incomeLine: 0 } });
    expect(input).toEqual(copy);
  });
});

describe('sections', () => {
  const form = defineForm(
    { A8: text('A8 标注风险消除年月', { format: 'year-month' }), D3: text('D3 最主要帮扶措施'), D5: text('D5 最主要的风险点') },
    {
      visibility: [
        { section: 'eliminated', when: { '!!': { var: 'A8' } } },
        { section: 'not-eliminated', when: { '!': { var: 'A8' } } },
      ],
    },
    {
      required: ['D3', 'D5'],
      sections: [
        { id: 'base', title: 'A、基础信息', fields: ['A8'] },
        { id: 'eliminated', title: '风险已消除户', fields: ['D3'] },
        { id: 'not-eliminated', title: '未消除风险户', fields: ['D5'] },
      ],
    },
  );

  it('hides every field of a section whose condition fails, and reports the section hidden', () => {
    const eliminated = evaluate(form, { A8: '2021-03', D3: '产业帮扶', D5: '因病' });
    expect(eliminated.hiddenSections).toEqual(['not-eliminated']);
    expect(eliminated.hidden).toEqual(['/D5']);
    expect(eliminated.data).toEqual({ A8: '2021-03', D3: '产业帮扶' });
    expect(eliminated.valid).toBe(true);

    const notEliminated = evaluate(form, {});
    expect(notEliminated.hiddenSections).toEqual(['eliminated']);
    expect(notEliminated.errors.map((e) => e.path)).toEqual(['/D5']);
  });

  it('checks year-months', () => {
    const result = evaluate(form, { A8: '2021-13', D3: 'x' });
    expect(result.errors).toContainEqual(expect.objectContaining({ path: '/A8', code: 'format', message: 'A8 标注风险消除年月：月份 13 无效' }));
  });
});
