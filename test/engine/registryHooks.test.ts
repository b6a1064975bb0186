import { describe, expect, it } from 'vitest';
import { applyEffects, corrections, prefillData, verificationFields, type Household } from '@engine';
import { defineForm, table, text } from '../helpers/defineForm';

const household: Household = {
  id: 'h1', divisionCode: '500118104201', headName: '张大山', headIdNumber: '500228198506120010',
  address: '重庆市永川区临江镇高滩村3组', kind: '脱贫户',
  members: [
    { name: '张大山', idNumber: '500228198506120010', relation: '户主', gender: '男' },
    { name: '李秀英', idNumber: '500101199001011248', relation: '配偶', gender: '女' },
  ],
};

const form = defineForm(
  {
    A1: text('A1 家庭地址'),
    A2: text('A2 户主姓名'),
    A4: { type: 'integer', title: 'A4 家庭人口数' },
    A3: text('A3 监测对象类别'),
    members: table('家庭成员', { name: text('姓名'), id: text('证件号码'), reason: text('原因') }),
  },
  {},
  {
    registry: {
      prefill: [
        { field: 'A1', from: 'address', verify: true },
        { field: 'A2', from: 'headName', verify: true },
        { field: 'A4', from: 'memberCount', verify: true },
        { field: 'members', from: 'members', columns: { name: 'name', id: 'idNumber' } },
      ],
      effects: [
        { type: 'setFields', set: { kind: { var: 'A3' }, identifiedMonth: { var: '$approval.month' } }, createIfMissing: true },
        { type: 'addMembers', from: 'members', columns: { name: 'name', idNumber: 'id', addReason: 'reason' } },
      ],
    },
  },
);

describe('prefill', () => {
  it('starts a submission with the household values the form declares, members as rows', () => {
    expect(prefillData(form, household)).toEqual({
      A1: '重庆市永川区临江镇高滩村3组',
      A2: '张大山',
      A4: 2,
      members: [{ name: '张大山', id: '500228198506120010' }, { name: '李秀英', id: '500101199001011248' }],
    });
    expect(prefillData(form, null)).toEqual({});
  });

  it('lists the verified fields and the corrections an officer made, with the old value', () => {
    expect(verificationFields(form)).toEqual(['A1', 'A2', 'A4']);
    const prefill = prefillData(form, household);
    const data = { ...prefill, A1: '重庆市永川区临江镇高滩村4组' };
    expect(corrections(form, prefill, prefill)).toEqual([]);
    expect(corrections(form, data, prefill)).toEqual([
      { field: 'A1', title: 'A1 家庭地址', registryValue: '重庆市永川区临江镇高滩村3组', value: '重庆市永川区临江镇高滩村4组' },
    ]);
  });
});

describe('effects', () => {
  it('sets household fields and adds new members, never twice', () => {
    const data = { A3: '脱贫不稳定户', members: [{ name: '张小宝', id: '500228202103050017', reason: '1' }, { name: '张大山', id: '500228198506120010' }] };
    const outcome = applyEffects(form, data, household, { month: '2021-11' });
    expect(outcome.created).toBe(false);
    expect(outcome.household).toMatchObject({ kind: '脱贫不稳定户', identifiedMonth: '2021-11' });
    expect(outcome.household!.members.map((m) => m.name)).toEqual(['张大山', '李秀英', '张小宝']);
    expect(outcome.household!.members[2]).toEqual({ name: '张小宝', idNumber: '500228202103050017', addReason: '1' });
    expect(outcome.changes).toContain('增加家庭成员 张小宝（500228202103050017），原因 1');
    expect(household.members).toHaveLength(2);
  });

  it('creates a household when the form may create one and there is none', () => {
    const outcome = applyEffects(form, { A3: '边缘易致贫户', members: [{ name: '王五', id: '11010519491231002X' }] }, null, { month: '2021-12' });
    expect(outcome.created).toBe(true);
    expect(outcome.household).toMatchObject({ kind: '边缘易致贫户', identifiedMonth: '2021-12' });
    expect(outcome.household!.members).toEqual([{ name: '王五', idNumber: '11010519491231002X' }]);
  });
});
