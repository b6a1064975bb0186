// The gate of 民主评议 and 公示 (issue 17 part 4), pure: a village's appraisal and a 7-day notice
// before the township approves. The period follows the usual wording of a posted notice,
// "公示期为7天（2021年10月9日至10月15日）": posted 10-09 for 7 days, the last day is 10-15 and the
// township may approve from 00:00 China time on 10-16 (2021-10-15T16:00Z).
import { describe, expect, it } from 'vitest';
import {
  checkApprovalSteps, gateOf, noticeEndsOn, stepStates, type ApprovalStep, type DeliberationRecord, type FormDefinition, type ReviewLevel,
} from '@engine';
import { defineForm, text } from '../helpers/defineForm';

const TOWNSHIP: ReviewLevel = { id: 'township', title: '乡镇审核', divisionDigits: 9 };
const COUNTY: ReviewLevel = { id: 'county', title: '县级确定', divisionDigits: 6 };
const LEVELS = [TOWNSHIP, COUNTY];
const STEPS: ApprovalStep[] = [
  { id: 'appraisal', kind: 'appraisal', title: '民主评议', before: 'township' },
  { id: 'notice', kind: 'notice', title: '公示', before: 'township', days: 7 },
];
const base = { campaignId: '2021', formId: 'f', divisionCode: '500118104201', recordedBy: 'u', revision: 1 };
const meeting = (result: 'agree' | 'disagree', at = '2021-10-08T02:00:00Z'): DeliberationRecord => ({
  ...base, id: `m-${at}`, kind: 'meeting', stepId: 'appraisal', submissionIds: ['s1'], recordedAt: at,
  body: { heldOn: '2021-10-08', place: '村委会', host: '村支书', participantCount: 30, participants: '', minutes: '', results: [{ submissionId: 's1', result }] },
});
const notice = (id = 'n1', at = '2021-10-09T01:00:00Z'): DeliberationRecord => ({
  ...base, id, kind: 'notice', stepId: 'notice', submissionIds: ['s1'], recordedAt: at,
  body: { title: '公示', divisionName: '村', startsOn: '2021-10-09', days: 7, endsOn: noticeEndsOn('2021-10-09', 7), contact: '', households: [{ submissionId: 's1', headName: '张三', size: 4, category: '' }] },
});
const objection = (outcome: 'upheld' | 'rejected' | null, noticeId = 'n1'): DeliberationRecord => ({
  ...base, id: `o-${outcome}`, kind: 'objection', stepId: 'notice', submissionIds: ['s1'], recordedAt: '2021-10-10T01:00:00Z',
  body: { noticeId, submissionId: 's1', receivedOn: '2021-10-10', content: '家中有车', by: '', outcome, handling: '', resolvedBy: null, resolvedAt: null },
});
const gate = (records: DeliberationRecord[], now: string, level = 0) =>
  gateOf(STEPS, LEVELS, level, stepStates(records, 's1'), new Date(now));
const AFTER = '2021-10-15T16:00:00Z';

describe('the gate before the township approves', () => {
  it('waits for the appraisal, then for the notice', () => {
    expect(gate([], AFTER)).toMatchObject({ open: false, stepId: 'appraisal', reason: '等待“民主评议”：本户的评议结果尚未记录' });
    expect(gate([meeting('agree')], AFTER)).toMatchObject({ open: false, stepId: 'notice', reason: '等待“公示”：本户尚未公示' });
  });

  it('keeps a 7-day notice posted on 10-09 closed through 10-15 China time, open from 10-16', () => {
    expect(noticeEndsOn('2021-10-09', 7)).toBe('2021-10-15');
    const records = [meeting('agree'), notice()];
    expect(gate(records, '2021-10-15T15:59:59Z')).toEqual({ open: false, stepId: 'notice', mustReturn: false, reason: '公示期至 2021-10-15 结束，期满后方可审核' });
    expect(gate(records, AFTER)).toEqual({ open: true });
  });

  it('stops for good on 不同意 or an upheld objection, waits on one not yet handled', () => {
    expect(gate([meeting('disagree')], AFTER)).toMatchObject({ open: false, mustReturn: true, reason: '“民主评议”结果为不同意（2021-10-08），不能通过，请退回' });
    expect(gate([meeting('agree'), notice(), objection(null)], AFTER)).toMatchObject({ open: false, mustReturn: false, reason: '“公示”期间有 1 条异议尚待核实处理' });
    expect(gate([meeting('agree'), notice(), objection('upheld')], AFTER)).toMatchObject({ open: false, mustReturn: true });
    expect(gate([meeting('agree'), notice(), objection('rejected')], AFTER)).toEqual({ open: true });
  });

  it('counts the latest meeting and notice; an objection to an earlier notice no longer holds', () => {
    expect(gate([meeting('disagree'), meeting('agree', '2021-10-09T00:00:00Z'), notice()], AFTER)).toEqual({ open: true });
    expect(gate([meeting('agree'), notice(), objection('upheld'), notice('n2', '2021-10-11T00:00:00Z')], '2021-10-15T16:00:00Z')).toEqual({ open: true });
  });

  it('leaves out records made before the latest submit (a return starts the steps over)', () => {
    const states = stepStates([meeting('agree'), notice()], 's1', '2021-10-20T00:00:00Z');
    expect(gateOf(STEPS, LEVELS, 0, states, new Date('2021-11-01T00:00:00Z'))).toMatchObject({ open: false, stepId: 'appraisal' });
  });

  it('does not hold the county, which comes after the township', () => {
    expect(gate([], AFTER, 1)).toEqual({ open: true });
  });

  it('holds an escalated chain without the township before its last level', () => {
    expect(gateOf(STEPS, [COUNTY], 0, new Map(), new Date(AFTER))).toMatchObject({ open: false, stepId: 'appraisal' });
  });
});

describe('checkApprovalSteps', () => {
  const form: FormDefinition = { ...defineForm({ a: text('甲') }), review: { levels: LEVELS } };
  const definitions = new Map([['f', form]]);
  const campaign = (steps: unknown) => ({ id: 'c', title: 'c', year: 2021, parameters: {}, forms: ['f'], approvalSteps: steps as Record<string, ApprovalStep[]> });

  it('accepts a village appraisal and a 7-day notice before the township', () => {
    expect(checkApprovalSteps(campaign({ f: STEPS }), definitions)).toEqual([]);
  });

  it('names the form, step and problem in Chinese', () => {
    const messages = (steps: unknown) => checkApprovalSteps(campaign(steps), definitions).map((p) => `${p.path} ${p.message}`);
    expect(messages({ g: STEPS })).toEqual(['/approvalSteps/g 表单 g 不在本活动中，不能为其设民主评议或公示']);
    expect(messages({ f: [{ ...STEPS[1], days: 31 }] })).toEqual(['/approvalSteps/f/0 第 1 步（公示）：公示天数应为 1 至 30 的整数']);
    expect(messages({ f: [{ ...STEPS[0], before: 'village' }] })[0]).toContain('审核级别“village”不存在（表单 f 的审核级别：township（乡镇审核）、county（县级确定））');
    expect(messages({ f: [{ ...STEPS[0], divisionDigits: 9 }] })[0]).toContain('须由“乡镇审核”以下的一级组织');
    expect(messages({ f: [STEPS[0], STEPS[0]] })).toEqual(['/approvalSteps/f/1/id 第 2 步：步骤编号 appraisal 重复']);
  });
});
