// The exception to the 10 不纳入情形 through HTTP: the monitoring-object form, published by a
// county whose usual chain is the township alone, still sends a submission with a 不纳入情形 and
// the officer's reason to continue to the county for the final approval. A township reviewer's
// approval then only passes it on; the county's approves it. Without the exception the
// township's approval is final, as the chain says.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { monitoringHousehold } from '../../bench/fixtures/monitoringHousehold';
import { image, referenceOf, upload } from '../helpers/attachments';
import { loadCampaign, loadForm } from '../helpers/forms';
import { publishDraft } from '../helpers/drafts';
import { residentId } from '../helpers/sampleForm';
import { review } from '../helpers/review';
import { setUpFixture } from '../helpers/serverFixture';

const FORM_ID = 'monitoring-object-township';
const path = `/api/forms/${FORM_ID}/submissions`;
const REASON = '所购为二手面包车（价值约 2 万元），儿子用于跑运输维持生计；家中老人患大病，自付医疗费 2.1 万元，经入户核查确需纳入。';

const f = setUpFixture();
const PNG = image('gradient.png');
const SIGNATURE = referenceOf(PNG, 'png');
/** 双签字确认 (004): the household head's and the officer's signatures, uploaded before the submission. */
const signed = (data: Record<string, unknown>) => ({ ...data, headSignature: SIGNATURE, officerSignature: SIGNATURE });

beforeAll(async () => {
  expect((await upload(f.server, f.officer, SIGNATURE, PNG, '?kind=signature')).status).toBe(201);
  const real = loadForm('monitoring-object');
  const definition = {
    ...real, id: FORM_ID, title: `${real.title}（乡镇审核即终审）`,
    review: { ...real.review!, levels: [{ id: 'township', title: '乡镇审核', divisionDigits: 9 }] },
  };
  expect((await f.admin.post('/api/forms', { definition })).status).toBe(201);
  expect((await publishDraft(f.admin, FORM_ID)).status).toBe(201);
  await f.server.store.createCampaign({
    id: 'test-2021-monitoring', title: '2021年度监测对象识别（测试）', year: 2021, description: '',
    parameters: loadCampaign('2021').parameters, forms: [FORM_ID], status: 'open', divisions: [], createdAt: f.server.clock.now().toISOString(),
  });
});

/** monitoringHousehold's four members with ID numbers of their own (same birth dates and genders). */
function family(k: number): Record<string, unknown>[] {
  return (monitoringHousehold(4).members as Record<string, unknown>[]).map((m) => {
    const id = m.A7 as string;
    return { ...m, A7: residentId(id.slice(0, 6), id.slice(6, 14), Number(id.slice(14, 17)) + 200 * k) };
  });
}

/** A new household of 高滩村 identified by the officer, submitted; its id. */
async function submitted(extra: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  const data = signed({ ...monitoringHousehold(4), ...extra });
  const response = await f.officer.post(path, { id, householdId: null, submit: true, data });
  expect(response.status, response.text).toBe(201);
  return id;
}

describe('a 不纳入情形 continued with a reason', () => {
  it('is refused without the reason (422), the message saying how to continue', async () => {
    const response = await f.officer.post(path, { id: randomUUID(), householdId: null, submit: true, data: signed({ ...monitoringHousehold(4), E3: true }) });
    expect(response.status).toBe(422);
    expect(response.body.error.details.errors.map((e: { path: string }) => e.path)).toEqual(['/E3']);
    expect(response.body.error.details.errors[0].message).toContain('确需纳入的，请在“确需纳入的理由”中写明，报县级确定');
  });

  it('waits on the county after the township approves: the township cannot give the final approval', async () => {
    const id = await submitted({ E3: true, exclusionReason: REASON });
    const shown = (await f.township.get(`/api/submissions/${id}`)).body;
    expect(shown.escalation).toEqual({ reason: '存在原则上不得纳入监测对象的情形，填表人写明了确需纳入的理由：须县级确定', levelTitle: '县级确定' });
    expect(shown.waitingOn).toBe('乡镇审核');

    const byTownship = await review(f.township, id, { decision: 'approve' });
    expect(byTownship.status).toBe(200);
    expect(byTownship.body).toMatchObject({ status: 'submitted', reviewLevel: 1, waitingOn: '县级确定' });

    const again = await review(f.township, id, { decision: 'approve' });
    expect(again.status).toBe(403);
    expect(again.body.error.message).toBe('此表正等待“县级确定”，您的审核级别不符');
    const rows = (await f.township.get(`/api/forms/${FORM_ID}/review-rows?status=submitted`)).body.items;
    expect(rows.find((r: { id: string }) => r.id === id)).toMatchObject({ canReview: false, waitingOn: '县级确定', escalation: { levelTitle: '县级确定' } });

    const county = (await f.county.get(`/api/forms/${FORM_ID}/review-rows?status=submitted`)).body;
    expect(county.items.find((r: { id: string }) => r.id === id)).toMatchObject({ canReview: true });
    expect(county.levels.map((l: { title: string }) => l.title)).toEqual(['乡镇审核', '县级确定']);
    expect(county.myLevel).toBe(1);
    const byCounty = await review(f.county, id, { decision: 'approve' });
    expect(byCounty.status).toBe(200);
    expect(byCounty.body).toMatchObject({ status: 'approved', householdId: expect.any(String) });
  });

  it('is not approved by the county before the township has checked it', async () => {
    const id = await submitted({ E3: true, exclusionReason: REASON, members: family(1) });
    const early = await review(f.county, id, { decision: 'approve' });
    expect(early.status).toBe(403);
    expect(early.body.error.message).toBe('此表正等待“乡镇审核”，您的审核级别不符');
  });
});

describe('without a 不纳入情形', () => {
  it('is approved finally by the township, as the usual chain says', async () => {
    const id = await submitted({ members: family(2) });
    expect((await f.township.get(`/api/submissions/${id}`)).body.escalation).toBeNull();
    const byTownship = await review(f.township, id, { decision: 'approve' });
    expect(byTownship.body).toMatchObject({ status: 'approved' });
  });
});
