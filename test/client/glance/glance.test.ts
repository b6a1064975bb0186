import { describe, expect, it } from 'vitest';
import { countHouseholds, expectedForms, mergeGlance, returnedFirst, type HouseholdGlance } from '../../../client/glance/glance';
import { areaStates, localDraft, SHIMIAO, SHUANGFENG, villageStates } from './fixtures';

const statesOf = (h: HouseholdGlance) => h.forms.map((f) => `${f.formId}:${f.state}`);
const byName = (households: HouseholdGlance[], name: string) => households.find((h) => h.headName === name)!;

describe('mergeGlance', () => {
  it('gives each household the state of its submissions, and names the expected forms nobody started', () => {
    const { households } = mergeGlance(villageStates(), []);
    expect(statesOf(byName(households, '张德明'))).toEqual(['lookback:returned', 'income-ledger:unfilled']);
    expect(byName(households, '张德明').forms[0]!.returnComment).toBe('C2 收入区间与务工收入不符，请核实后重新提交');
    expect(statesOf(byName(households, '王桂芳'))).toEqual(['income-ledger:unfilled', 'lookback:submitted']);
    expect(statesOf(byName(households, '刘大山'))).toEqual(['lookback:saved', 'income-ledger:unfilled']);
    // A 脱贫户 is not expected to fill 回头看, and nobody is expected to fill 成员增加 (filled where it happens).
    expect(statesOf(byName(households, '李建国'))).toEqual(['income-ledger:unfilled']);
  });

  it('shows a draft only on this phone as 草稿（在本机）, and one with a send still queued as 待上传', () => {
    const { households } = mergeGlance(villageStates(), [
      localDraft({ id: 'd-chen', householdId: 'h-0001' }),
      localDraft({ id: 's-liu', formId: 'lookback', campaignId: '2021-lookback', householdId: 'h-0003', serverRevision: 1, serverStatus: 'draft', pending: 'submit', queueState: 'retrying' }),
    ]);
    expect(statesOf(byName(households, '陈秀兰'))).toEqual(['income-ledger:local', 'lookback:approved']);
    expect(statesOf(byName(households, '刘大山'))).toEqual(['lookback:pending', 'income-ledger:unfilled']);
    expect(byName(households, '刘大山').forms[0]!.draft?.queueState).toBe('retrying');
  });

  it('takes the fresher copy: the phone after a send the kept answer predates, the server after a review', () => {
    const sent = localDraft({ id: 's-liu', formId: 'lookback', campaignId: '2021-lookback', householdId: 'h-0003', serverRevision: 2, serverStatus: 'submitted' });
    expect(statesOf(byName(mergeGlance(villageStates(), [sent]).households, '刘大山'))).toContain('lookback:submitted');
    const beforeReturn = localDraft({ id: 's-zhang', formId: 'lookback', campaignId: '2021-lookback', householdId: 'h-0005', serverRevision: 2, serverStatus: 'submitted' });
    expect(statesOf(byName(mergeGlance(villageStates(), [beforeReturn]).households, '张德明'))).toContain('lookback:returned');
  });

  it('expects a form only of the kinds it names, where its campaign runs', () => {
    const forms = [{ ...villageStates().forms[0]!, divisions: [SHUANGFENG] }];
    expect(expectedForms(forms, '脱贫不稳定户', SHIMIAO)).toEqual([]);
    expect(expectedForms(forms, '脱贫不稳定户', SHUANGFENG)).toHaveLength(1);
    expect(expectedForms(forms, '一般农户', SHUANGFENG)).toEqual([]);
  });

  it('lists an identification kept only on this phone, within the area of the answer', () => {
    const identification = localDraft({ id: 'd-new', formId: 'poverty-identification', formTitle: '新识别贫困户信息采集表', householdId: null, householdKey: `new:${SHIMIAO}`, headName: '', pending: 'save' });
    expect(mergeGlance(villageStates(), [identification], SHIMIAO).unregistered).toEqual([expect.objectContaining({ id: 'd-new', state: 'pending', divisionCode: SHIMIAO })]);
    expect(mergeGlance(villageStates(), [identification], SHUANGFENG).unregistered).toEqual([]);
  });

  it('forgets a phone copy of a record no open campaign uses once it is all sent', () => {
    const old = localDraft({ id: 'd-old', campaignId: '2020', householdId: 'h-0002', serverRevision: 3, serverStatus: 'approved' });
    expect(statesOf(byName(mergeGlance(villageStates(), [old]).households, '李建国'))).toEqual(['income-ledger:unfilled']);
  });
});

describe('counts and order', () => {
  it('counts households per state, a household once in each state it has', () => {
    const { households } = mergeGlance(areaStates(), [localDraft({ id: 'd-chen', householdId: 'h-0001' })]);
    const village = households.filter((h) => h.divisionCode === SHIMIAO);
    expect(countHouseholds(village)).toEqual({ returned: 1, pending: 0, draft: 2, unfilled: 4, submitted: 1, approved: 1 });
  });

  it('puts returned households first and keeps the rest in order', () => {
    const { households } = mergeGlance(areaStates(), []);
    expect(returnedFirst(households).map((h) => h.headName)).toEqual(['张德明', '周永福', '陈秀兰', '李建国', '刘大山', '王桂芳', '黄玉梅']);
  });
});
