// GET /api/households/states through HTTP: each household of the caller's area with the state of
// its submissions in the open campaigns' forms, the forms each kind is expected to fill, and the
// identifications without a household yet; nothing from outside the area, nothing from closed
// campaigns or campaigns elsewhere; read in one store query, never one per household.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { review } from '../helpers/review';
import { residentId, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const ids: Record<string, string> = {};
const STATES = '/api/households/states';

type States = {
  forms: { campaignId: string; formId: string; formTitle: string; kinds: string[] | null }[];
  households: { id: string; headName: string; divisionCode: string; kind: string | null; memberCount: number; submissions: { id: string; formId: string; campaignId: string; status: string; returnComment: string | null; revision: number }[] }[];
  unregistered: { id: string; headName: string; divisionCode: string; status: string }[];
};

beforeAll(async () => {
  for (const h of f.households) ids[h.headName] = h.id;
  // 张德明 submitted and returned by the township; 王桂芳 a draft (石庙村); 刘大勇 submitted (双凤村).
  const zhang = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(ids.张德明!), submit: true });
  expect(zhang.status, zhang.text).toBe(201);
  expect((await review(f.township, zhang.body.id, { decision: 'return', comment: '请核实 A28 工资性收入' })).status).toBe(200);
  ids.zhangSubmission = zhang.body.id;
  const wang = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(ids.王桂芳!, { headName: '王桂芳' }), submit: false });
  expect(wang.status, wang.text).toBe(201);
  ids.wangSubmission = wang.body.id;
  const liu = await f.otherOfficer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(ids.刘大勇!, { headName: '刘大勇' }), submit: true });
  expect(liu.status, liu.text).toBe(201);
  // An identification in 石庙村, not yet a household.
  const identification = await f.officer.post('/api/forms/poverty-identification/submissions', {
    id: randomUUID(), campaignId: '2021', submit: false,
    data: { divisionCode: '500118104201', members: [{ A1: '赵新户', A4: residentId('500118', '19800101', 301), A5: '户主' }] },
  });
  expect(identification.status, identification.text).toBe(201);
  ids.identification = identification.body.id;
});

describe('GET /api/households/states', () => {
  it('gives an officer every household of his village with the state of each submission, the returned one with its comment', async () => {
    const response = await f.officer.get<States>(STATES);
    expect(response.status, response.text).toBe(200);
    expect(response.body.households.map((h) => h.headName)).toEqual(['张德明', '王桂芳']);
    const [zhang, wang] = response.body.households;
    expect(zhang!.submissions).toEqual([expect.objectContaining({ id: ids.zhangSubmission, formId: SAMPLE_FORM_ID, campaignId: 'test-2021', status: 'returned', returnComment: '请核实 A28 工资性收入' })]);
    expect(wang!.submissions).toEqual([expect.objectContaining({ id: ids.wangSubmission, status: 'draft', returnComment: null, revision: 1 })]);
    expect(zhang).toMatchObject({ divisionCode: '500118104201', kind: '脱贫户', memberCount: 3 });
  });

  it('names the forms of the open campaigns and the kinds expected to fill each', async () => {
    const { forms } = (await f.officer.get<States>(STATES)).body;
    expect(forms).toContainEqual(expect.objectContaining({ campaignId: '2021-lookback', formId: 'lookback', kinds: ['脱贫不稳定户', '边缘易致贫户'] }));
    expect(forms).toContainEqual(expect.objectContaining({ campaignId: 'test-2021', formId: SAMPLE_FORM_ID, formTitle: '农户核查表（测试）', kinds: null }));
    expect(forms).toContainEqual(expect.objectContaining({ campaignId: '2023', formId: 'policy-exit', kinds: ['脱贫户'] }));
  });

  it('lists an identification with no household yet apart, to its own area only', async () => {
    expect((await f.officer.get<States>(STATES)).body.unregistered).toEqual([expect.objectContaining({ id: ids.identification, headName: '赵新户', divisionCode: '500118104201', status: 'draft' })]);
    expect((await f.otherOfficer.get<States>(STATES)).body.unregistered).toEqual([]);
  });

  it('shows an officer nothing of another village, even when he names it', async () => {
    const other = (await f.otherOfficer.get<States>(STATES)).body;
    expect(other.households.map((h) => h.headName)).toEqual(['刘大勇']);
    expect(other.households[0]!.submissions.map((s) => s.status)).toEqual(['submitted']);
    const named = await f.otherOfficer.get<States>(`${STATES}?division=500118104201`);
    expect(named.status).toBe(200);
    expect(named.body.households).toEqual([]);
    expect(named.body.unregistered).toEqual([]);
  });

  it('gives a township reviewer both villages, and one when he names it', async () => {
    expect((await f.township.get<States>(STATES)).body.households.map((h) => h.headName)).toEqual(['张德明', '王桂芳', '刘大勇']);
    expect((await f.township.get<States>(`${STATES}?division=500118104202`)).body.households.map((h) => h.headName)).toEqual(['刘大勇']);
  });

  it('leaves out closed campaigns and campaigns covering other villages only', async () => {
    const at = f.server.clock.now().toISOString();
    await f.server.store.createCampaign({ id: 'closed-2020', title: '2020（已结束）', year: 2020, description: '', parameters: { incomeLine: 5000 }, forms: [SAMPLE_FORM_ID], status: 'open', divisions: [], createdAt: at });
    await f.server.store.createCampaign({ id: 'shuangfeng-only', title: '双凤村专项', year: 2021, description: '', parameters: { incomeLine: 6000 }, forms: [SAMPLE_FORM_ID], status: 'open', divisions: ['500118104202'], createdAt: at });
    const old = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(ids.张德明!), campaignId: 'closed-2020', submit: false });
    expect(old.status, old.text).toBe(201);
    const campaign = (await f.server.store.getCampaign('closed-2020'))!;
    await f.server.store.updateCampaign({ ...campaign, status: 'closed' }, campaign.revision);
    const states = (await f.officer.get<States>(STATES)).body;
    expect(states.forms.map((x) => x.campaignId)).not.toContain('closed-2020');
    expect(states.forms.map((x) => x.campaignId)).not.toContain('shuangfeng-only');
    expect(states.households[0]!.submissions.map((s) => s.campaignId)).toEqual(['test-2021']);
    expect((await f.otherOfficer.get<States>(STATES)).body.forms.map((x) => x.campaignId)).toContain('shuangfeng-only');
  });

  it('reads the whole area in one store query, never one per household', async () => {
    const perHousehold = [vi.spyOn(f.server.store, 'getHousehold'), vi.spyOn(f.server.store, 'listSubmissions'), vi.spyOn(f.server.store, 'findSubmissionFor')];
    const states = vi.spyOn(f.server.store, 'listHouseholdStates');
    try {
      expect((await f.township.get(STATES)).status).toBe(200);
      expect(states).toHaveBeenCalledTimes(1);
      for (const spy of perHousehold) expect(spy).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('refuses a division code that is not one', async () => {
    const response = await f.officer.get(`${STATES}?division=5001181042`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/division/);
  });
});
