// What the shipped identification form (监测对象信息采集表, monitoring-object) starts with when the
// officer opens it from a household to verify: the person as 户主 in the village, and the risks the
// item names ticked in A27 风险类型 (a multiple choice), in the words the server gives each source.
import { describe, expect, it } from 'vitest';
import { applicationReason } from '@engine';
import { verificationSeed } from '../../../client/verification/verificationSeed';
import { loadForm } from '../../helpers/forms';
import { item } from './fixtures';

const form = loadForm('monitoring-object');
const LIU = '500118197803042116';

describe('the identification form opened for a household to verify', () => {
  it('ticks an application\'s risks, main risk first, and puts the applicant in as 户主', () => {
    const seed = verificationSeed(form, item({ source: 'application', name: '刘建华', idNumber: LIU, reason: applicationReason(['因病', '因务工就业不稳'], '妻子确诊尿毒症，每周透析三次') }));
    expect(seed.A27).toEqual(['因病', '因务工就业不稳']);
    expect(seed.divisionCode).toBe('500118104201');
    expect(seed.members).toEqual([expect.objectContaining({ A5: '刘建华', A7: LIU, A8: '户主' })]);
  });

  it('ticks the cause an officer\'s finding starts with, and none for a department\'s warning that names none', () => {
    expect(verificationSeed(form, item({ reason: '因意外事故：丈夫务工受伤' })).A27).toEqual(['因意外事故']);
    expect(verificationSeed(form, item({ source: 'warning', reason: '区医疗保障局（2023-03-01）：住院自付费用 5.2 万元' })).A27).toBeUndefined();
  });
});
