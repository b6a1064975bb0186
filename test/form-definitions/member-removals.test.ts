// 家庭成员自然减少情况表 (000 附件3) on a household of 临淄区稷下街道: 王守田's wife 孙桂兰 died and
// his daughter 王丽 married out. Each removed ID must be a registered member; approval moves them
// to the household's history with their reason.
import { describe, expect, it } from 'vitest';
import { applyEffects, prefillData, type FormData, type Household } from '@engine';
import { evaluateForm, issueAt, loadForm } from '../helpers/forms';
import { residentId } from '../helpers/sampleForm';

const FORM = 'member-removals';

const WANG_SHOUTIAN = residentId('370305', '19500302', 19);
const SUN_GUILAN = residentId('370305', '19521115', 20);
const WANG_LI = residentId('370305', '19900520', 42);
const WANG_HAORAN = residentId('370305', '20120730', 57);

type Row = Record<string, unknown>;

function wangHousehold(): Household {
  return {
    id: 'h-wang', divisionCode: '370305003204', headName: '王守田', headIdNumber: WANG_SHOUTIAN, kind: '脱贫户',
    address: '山东省淄博市临淄区稷下街道东石村', divisionName: '东石村',
    members: [
      { name: '王守田', idNumber: WANG_SHOUTIAN, relation: '户主', gender: '男' },
      { name: '孙桂兰', idNumber: SUN_GUILAN, relation: '配偶', gender: '女' },
      { name: '王丽', idNumber: WANG_LI, relation: '之女', gender: '女' },
      { name: '王浩然', idNumber: WANG_HAORAN, relation: '之孙子', gender: '男' },
    ],
  } as Household;
}

function removals(...rows: Row[]): FormData {
  return {
    villageName: '东石村', divisionCode: '370305003204', headName: '王守田', headIdNumber: WANG_SHOUTIAN,
    removals: rows.length > 0 ? rows : [
      { name: '孙桂兰', idNumber: SUN_GUILAN, reason: '1' },
      { name: '王丽', idNumber: WANG_LI, reason: '2' },
    ],
  };
}

const inWang = { household: wangHousehold() };

describe('已脱贫户、易返贫致贫户家庭成员自然减少情况表', () => {
  it('accepts a death and a marriage out with no errors or warnings', () => {
    const result = evaluateForm(FORM, removals(), inWang);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('starts from the registry’s village, division code and head', () => {
    expect(prefillData(loadForm(FORM), wangHousehold())).toEqual({
      villageName: '东石村', divisionCode: '370305003204', headName: '王守田', headIdNumber: WANG_SHOUTIAN,
    });
  });

  it('refuses a division code that is not a village’s 12 digits', () => {
    const result = evaluateForm(FORM, { ...removals(), divisionCode: '370305003' }, inWang);
    expect(issueAt(result, '/divisionCode')).toMatchObject({ code: 'rule:village-code-12' });
  });

  it('needs at least one removed member', () => {
    const result = evaluateForm(FORM, { ...removals(), removals: [] }, inWang);
    expect(issueAt(result, '/removals')).toMatchObject({ code: 'minItems', message: '减少的家庭成员至少填写 1 项' });
  });

  it('refuses an ID number that is not a registered member of this household', () => {
    const stranger = residentId('370305', '19881002', 64);
    const result = evaluateForm(FORM, removals({ name: '赵梅', idNumber: stranger, reason: '2' }), inWang);
    expect(issueAt(result, '/removals/0/idNumber')).toMatchObject({
      field: 'idNumber', code: 'rule:registered-member', severity: 'error',
      message: `减少的家庭成员第 1 行：减少家庭成员证件号码：${stranger} 不是本户登记的家庭成员`,
    });
  });

  it('refuses the same member twice', () => {
    const result = evaluateForm(FORM, removals(
      { name: '孙桂兰', idNumber: SUN_GUILAN, reason: '1' },
      { name: '孙桂兰', idNumber: SUN_GUILAN, reason: '5' },
    ), inWang);
    expect(issueAt(result, '/removals/1/idNumber')).toMatchObject({ code: 'rule:removed-once' });
    expect(issueAt(result, '/removals/1/idNumber')?.message).toContain(`${SUN_GUILAN} 在表中重复出现`);
  });

  it('refuses an ID number with a wrong check digit', () => {
    const wrong = `${WANG_LI.slice(0, 17)}${WANG_LI[17] === '0' ? '1' : '0'}`;
    const result = evaluateForm(FORM, removals({ name: '王丽', idNumber: wrong, reason: '2' }), inWang);
    expect(issueAt(result, '/removals/0/idNumber')).toMatchObject({ code: 'format' });
    expect(issueAt(result, '/removals/0/idNumber')?.message).toContain('减少家庭成员证件号码：校验位错误');
  });

  it('refuses a removal reason outside 1-8', () => {
    for (const code of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      expect(issueAt(evaluateForm(FORM, removals({ name: '王丽', idNumber: WANG_LI, reason: code }), inWang), '/removals/0/reason')).toBeUndefined();
    }
    for (const code of ['0', '9', '死亡']) {
      const result = evaluateForm(FORM, removals({ name: '王丽', idNumber: WANG_LI, reason: code }), inWang);
      expect(issueAt(result, '/removals/0/reason')).toMatchObject({ code: 'oneOf', message: '减少的家庭成员第 1 行：减少原因只能从可选项中选择' });
    }
  });

  it('requires the reason', () => {
    const result = evaluateForm(FORM, removals({ name: '王丽', idNumber: WANG_LI }), inWang);
    expect(issueAt(result, '/removals/0/reason')).toMatchObject({ code: 'required', message: '减少的家庭成员第 1 行：减少原因为必填项' });
  });

  it('warns when the name differs from the registered member’s', () => {
    const result = evaluateForm(FORM, removals({ name: '孙贵兰', idNumber: SUN_GUILAN, reason: '1' }), inWang);
    expect(result.valid).toBe(true);
    expect(issueAt(result, '/removals/0/name')).toMatchObject({ severity: 'warning', code: 'rule:name-matches-registry' });
    expect(issueAt(result, '/removals/0/name')?.message).toContain(`减少家庭成员姓名：孙贵兰 与本户登记的证件号码为 ${SUN_GUILAN} 的成员姓名不一致`);
  });

  it('warns that the head must be changed first when the 户主 is removed', () => {
    const result = evaluateForm(FORM, removals({ name: '王守田', idNumber: WANG_SHOUTIAN, reason: '1' }), inWang);
    expect(result.valid).toBe(true);
    expect(issueAt(result, '/removals/0/idNumber')).toMatchObject({
      severity: 'warning', code: 'rule:head-removed',
      message: `减少的家庭成员第 1 行：减少家庭成员证件号码：王守田（${WANG_SHOUTIAN}）是本户户主，请先变更户主，再减少该成员`,
    });
  });

  it('knows the 户主 by the member relation even when the household’s head ID is stale', () => {
    const stale = { ...wangHousehold(), headIdNumber: '' };
    const result = evaluateForm(FORM, removals({ name: '王守田', idNumber: WANG_SHOUTIAN, reason: '1' }), { household: stale });
    expect(issueAt(result, '/removals/0/idNumber')?.code).toBe('rule:head-removed');
  });

  it('removes the members on approval, keeping each with its reason and month', () => {
    const { data } = evaluateForm(FORM, removals(), inWang);
    const outcome = applyEffects(loadForm(FORM), data, wangHousehold(), { month: '2023-12' });
    expect(outcome.household!.members.map((m) => m.name)).toEqual(['王守田', '王浩然']);
    expect(outcome.household!.removedMembers).toEqual([
      { name: '孙桂兰', idNumber: SUN_GUILAN, relation: '配偶', gender: '女', reason: '1', removedMonth: '2023-12' },
      { name: '王丽', idNumber: WANG_LI, relation: '之女', gender: '女', reason: '2', removedMonth: '2023-12' },
    ]);
    expect(outcome.changes).toEqual([
      `减少家庭成员 孙桂兰（${SUN_GUILAN}），原因 1`,
      `减少家庭成员 王丽（${WANG_LI}），原因 2`,
    ]);
  });

  it('lets a household report removals more than once in a campaign', () => {
    expect(loadForm(FORM).review).toMatchObject({ onePerHousehold: false, levels: [{ id: 'township' }, { id: 'county' }] });
  });
});
