// 防返贫监测对象风险销号评估认定 through HTTP, as the 2021 campaign publishes it from
// form-definitions/: an officer's assessment that may not conclude 同意消除风险 is refused (422)
// naming the field, one that may goes to the township and then the county, and only the county's
// approval marks the household's risk eliminated in the registry; 暂不消除 leaves it as it was.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { image, referenceOf, upload } from '../helpers/attachments';
import { review } from '../helpers/review';
import { sampleHouseholds } from '../helpers/sampleForm';
import { setUpFixture } from '../helpers/serverFixture';

const f = setUpFixture();
const path = '/api/forms/risk-elimination/submissions';
const PNG = image('gradient.png');
const SIGNATURE = referenceOf(PNG, 'png');

beforeAll(async () => {
  expect((await upload(f.server, f.otherOfficer, SIGNATURE, PNG, '?kind=signature')).status).toBe(201);
});

/** 刘大勇 of 普安村, 边缘易致贫户 since 2021-03, assessed on 2021-11-10: 8400 元 a year, every item met. */
function assessment(overrides: Record<string, unknown> = {}) {
  const liu = sampleHouseholds()[2]!;
  return {
    headName: liu.headName, headIdNumber: liu.headIdNumber, address: liu.address, population: 1,
    divisionCode: liu.divisionCode, kind: '边缘易致贫户', identifiedMonth: '2021-03',
    annualNetIncome: 8400, incomeStable: true,
    foodClothing: true, compulsoryEducation: true, basicMedical: true, housingSafety: true, drinkingWater: true,
    riskStable: true, eliminationMethod: '帮扶消除', measures: ['就业帮扶'], mainMeasure: '就业帮扶',
    evaluationDate: '2021-11-18', evaluationAttendance: 35, evaluationResult: '同意消除风险',
    conclusion: '同意消除风险', consent: true, eliminationMonth: '2021-12',
    assessmentNote: '刘大勇经公益性岗位转为镇上建材厂稳定就业，月工资700元，全年务工10个月以上，收入稳定。',
    headSignature: SIGNATURE, officerSignature: SIGNATURE, filler: '何晓东', fillDate: '2021-11-10',
    ...overrides,
  };
}

async function submit(data: Record<string, unknown>) {
  return f.otherOfficer.post(path, { id: randomUUID(), householdId: f.households[2]!.id, campaignId: '2021', submit: true, data });
}

describe('风险销号评估认定 through HTTP', () => {
  it('refuses 同意消除风险 below the income line with a 422 naming the conclusion and the line', async () => {
    const response = await submit(assessment({ annualNetIncome: 5400 }));
    expect(response.status).toBe(422);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: '/conclusion', code: 'rule:below-income-line',
        message: '评估认定结论：家庭年人均纯收入 5400 元低于本年度监测收入线 6000 元，不能同意消除风险',
      }),
    ]);
  });

  it('marks the risk eliminated only at the county\'s approval, after the township\'s', async () => {
    const before = (await f.county.get(`/api/households/${f.households[2]!.id}`)).body;
    expect(before.riskEliminatedMonth ?? null).toBeNull();

    const response = await submit(assessment());
    expect(response.status, response.text).toBe(201);
    const id = response.body.id as string;

    expect((await review(f.township, id, { decision: 'approve' })).body).toMatchObject({ status: 'submitted', waitingOn: '县级确定' });
    const afterTownship = (await f.county.get(`/api/households/${f.households[2]!.id}`)).body;
    expect(afterTownship.riskEliminatedMonth ?? null).toBeNull();

    expect((await review(f.county, id, { decision: 'approve' })).body).toMatchObject({ status: 'approved' });
    const after = (await f.county.get(`/api/households/${f.households[2]!.id}`)).body;
    expect(after).toMatchObject({ kind: '边缘易致贫户', identifiedMonth: '2021-03', riskEliminatedMonth: '2021-12', riskEliminationMethod: '帮扶消除' });
  });

  it('leaves the registry as it was when the county approves a 暂不消除', async () => {
    const data = assessment({ conclusion: '暂不消除', consent: undefined, eliminationMonth: undefined, riskStable: false, eliminationMethod: undefined, mainMeasure: undefined });
    const response = await submit(data);
    expect(response.status, response.text).toBe(201);
    const id = response.body.id as string;
    await review(f.township, id, { decision: 'approve' });
    expect((await review(f.county, id, { decision: 'approve' })).body).toMatchObject({ status: 'approved' });
    expect((await f.county.get(`/api/households/${f.households[2]!.id}`)).body).toMatchObject({ riskEliminatedMonth: '2021-12', riskEliminationMethod: '帮扶消除' });
  });
});
