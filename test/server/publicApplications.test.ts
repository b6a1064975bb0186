// Residents' own applications through HTTP (issue 17), on the store the environment selects: a
// phone with no account reads the county's form, solves the proof-of-work, applies, gets a receipt
// and reads its status with the receipt and its ID number, and nothing else; the limits on
// addresses, ID numbers, bodies and proofs answer in Chinese with the field or the wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultApplicationLimits } from '../../server/public/applicationLimits';
import { meetsDifficulty, proofText } from '@engine';
import { liuApplication, sha256, solvedChallenge } from '../helpers/publicApplication';
import { residentId } from '../helpers/sampleForm';
import { DIVISIONS } from '../helpers/serverFixture';
import { startTestServer, type TestServer } from '../helpers/testServer';

const COUNTY = '500118';
const WANG = '500118198506123029';
/** The n-th valid ID number of someone born in 永川 in 1960. */
const person = (n: number) => residentId(COUNTY, '19600101', n);
let server: TestServer;
let nextAddress = 1;

/** Each test its own client address (X-Forwarded-For behind a trusted proxy), so limits do not carry over. */
const newAddress = () => `10.0.0.${nextAddress++}`;

function request(path: string, init: RequestInit = {}) {
  return server.app.request(path, init);
}

async function apply(data: Record<string, unknown>, address: string, proof?: { challenge: string; nonce: string }) {
  const solved = proof ?? (await solvedChallenge(request, COUNTY));
  const response = await request(`/api/public/counties/${COUNTY}/applications`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address }, body: JSON.stringify({ ...solved, data }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function status(receipt: string, idNumber: string, address = newAddress()) {
  const response = await request('/api/public/application-status', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address }, body: JSON.stringify({ receipt, idNumber }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

beforeAll(async () => {
  server = await startTestServer({
    config: { trustProxy: true, applications: { ...defaultApplicationLimits, difficulty: 4, perIdNumber: 3, perAddress: 4, lookupsPerAddress: 3 } },
  });
  await server.store.upsertDivisions(DIVISIONS);
});

afterAll(() => server?.close());

describe('residents’ applications', () => {
  it('gives a county’s page the published form and its registered villages, without an account', async () => {
    const response = await request(`/api/public/counties/${COUNTY}/application-form`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.form.definition.title).toBe('纳入监测申请');
    expect(body.county).toEqual({ code: COUNTY, name: '永川区（演示）' });
    expect(body.villages).toEqual([
      { code: '500118104201', name: '高滩村', township: '临江镇' },
      { code: '500118104202', name: '普安村', township: '临江镇' },
    ]);
  });

  it('serves the application form’s precompiled validators to a page with no account', async () => {
    const form = await (await request(`/api/public/counties/${COUNTY}/application-form`)).json();
    const response = await request(`/api/public/application-form/versions/${form.form.version}/validators.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect((await request('/api/public/application-form/versions/99/validators.js')).status).toBe(404);
  });

  it('answers 404 for a county with no registered villages', async () => {
    const response = await request('/api/public/counties/110101/application-form');
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain('未开放网上申请');
  });

  it('accepts an application and tells its status by receipt and ID number, and nothing else', async () => {
    const sent = await apply(liuApplication(), newAddress());
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ status: 'received', merged: false, reason: null });
    expect(sent.body.receipt).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    const read = await status(sent.body.receipt, '500118197803042116');
    expect(read.status).toBe(200);
    expect(Object.keys(read.body).sort()).toEqual(['reason', 'receipt', 'receivedAt', 'status', 'statusText']);
    expect(read.body.statusText).toContain('已受理');
    // As a resident copies it: lower case, in groups.
    const typed = sent.body.receipt.toLowerCase().replace(/(.{4})/g, '$1 ');
    expect((await status(typed, '500118197803042116')).status).toBe(200);
  });

  it('puts the application in its village’s list of households to verify, and its status follows the officer’s visit', async () => {
    const sent = await apply(liuApplication({ idNumber: person(1), name: '周大山', otherRisks: ['因务工就业不稳'] }), newAddress());
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const stored = (await server.store.getApplicationByReceipt(sent.body.receipt))!;
    const item = (await server.store.getVerificationItem(stored.verificationItemId!))!;
    expect(item).toMatchObject({ source: 'application', sourceRef: stored.id, divisionCode: '500118104201', idNumber: person(1), name: '周大山', state: 'open' });
    expect(item.reason).toContain('自主申请（因病、因务工就业不稳）');
    const at = server.clock.now().toISOString();
    await server.store.linkVerificationItem(item.id, 'submission-of-the-visit', at);
    expect((await status(sent.body.receipt, person(1))).body).toMatchObject({ status: 'verifying', statusText: '正在入户核查', reason: null });
    await server.store.closeVerificationItem(item.id, '家庭人均纯收入高于监测范围', item.revision + 1, at);
    expect((await status(sent.body.receipt, person(1))).body)
      .toMatchObject({ status: 'not_included', statusText: '未纳入监测', reason: '家庭人均纯收入高于监测范围' });
    // Applying again after that is a new application, with its own receipt and item; the first
    // receipt keeps telling its decision.
    const again = await apply(liuApplication({ idNumber: person(1), name: '周大山' }), newAddress());
    expect(again.body).toMatchObject({ merged: false, status: 'received' });
    expect(again.body.receipt).not.toBe(sent.body.receipt);
    const renewed = (await server.store.getApplicationByReceipt(again.body.receipt))!;
    expect(renewed.verificationItemId).not.toBe(item.id);
    expect((await status(sent.body.receipt, person(1))).body).toMatchObject({ status: 'not_included', reason: '家庭人均纯收入高于监测范围' });
  });

  it('answers a wrong receipt and ID number pair as it answers an unknown receipt', async () => {
    const sent = await apply(liuApplication({ idNumber: WANG, name: '王秀英' }), newAddress());
    expect(sent.status).toBe(201);
    const wrongId = await status(sent.body.receipt, '500118197803042116');
    const unknown = await status('ABCDEFGHJKLM', WANG);
    const nonsense = await status('x', WANG);
    for (const answer of [wrongId, unknown, nonsense]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(wrongId.body);
    }
  });

  it('locks the status look-ups of an address after its failures, with Retry-After', async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i++) expect((await status('ABCDEFGHJKLM', WANG, address)).status).toBe(404);
    const locked = await status('ABCDEFGHJKLM', WANG, address);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.body.error.message).toContain('查询失败次数过多');
  });

  it('merges a second application of the same ID number into the first, under the same receipt', async () => {
    const id = person(2);
    const first = await apply(liuApplication({ idNumber: id, name: '陈国强' }), newAddress());
    const second = await apply(liuApplication({ idNumber: id, name: '陈国强', mainRisk: '因意外事故' }), newAddress());
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ receipt: first.body.receipt, merged: true });
    const stored = (await server.store.getApplicationByReceipt(first.body.receipt))!;
    const items = await server.store.listVerificationItems({ scope: ['500118104201'], source: 'application' }, { page: 1, pageSize: 200 });
    expect(items.items.filter((i) => i.sourceRef === stored.id)).toHaveLength(1);
    expect((await server.store.getApplicationByReceipt(first.body.receipt))!.data.mainRisk).toBe('因意外事故');
  });

  it('merges two applications of one ID number that arrive at once', async () => {
    const id = person(3);
    const proofs = await Promise.all([solvedChallenge(request, COUNTY), solvedChallenge(request, COUNTY)]);
    const [a, b] = await Promise.all(proofs.map((p) => apply(liuApplication({ idNumber: id, name: '李春梅' }), newAddress(), p)));
    expect([a!.status, b!.status]).toEqual([201, 201]);
    expect(a!.body.receipt).toBe(b!.body.receipt);
    expect([a!.body.merged, b!.body.merged].sort()).toEqual([false, true]);
  });

  it('refuses an application without a proof-of-work, naming the field', async () => {
    const response = await request(`/api/public/counties/${COUNTY}/applications`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: liuApplication() }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('challenge');
  });

  it('refuses a wrong, forged, reused, expired or other county’s proof-of-work', async () => {
    const { challenge, nonce } = await solvedChallenge(request, COUNTY);
    // A nonce that does not meet the difficulty (one in sixteen would).
    let wrongNonce = 'a';
    while (meetsDifficulty(await sha256(proofText(challenge, wrongNonce)), 4)) wrongNonce += 'a';
    const wrong = await apply(liuApplication(), newAddress(), { challenge, nonce: wrongNonce });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'invalid_proof', message: expect.stringContaining('验证') });
    const forged = challenge.replace(/\.4\./, '.0.');
    expect((await apply(liuApplication(), newAddress(), { challenge: forged, nonce })).body.error?.code).toBe('invalid_proof');
    const first = await apply(liuApplication({ idNumber: person(4), name: '赵永福' }), newAddress(), { challenge, nonce });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const reused = await apply(liuApplication({ idNumber: person(4), name: '赵永福' }), newAddress(), { challenge, nonce });
    expect(reused.status).toBe(400);
    expect(reused.body.error.message).toContain('已经用过');
    const late = await solvedChallenge(request, COUNTY);
    server.clock.advance(31 * 60_000);
    expect((await apply(liuApplication(), newAddress(), late)).body.error.message).toContain('过期');
    const elsewhere = await solvedChallenge(request, '500118');
    expect((await request('/api/public/counties/500119/applications', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...elsewhere, data: liuApplication() }),
    })).status).toBe(404);
  });

  it('refuses answers the form finds wrong, and a village outside the county, with the engine’s issues', async () => {
    const bad = await apply(liuApplication({ idNumber: '500118197803042117', agreement: false }), newAddress());
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/agreement', '/idNumber']);
    const outside = await apply(liuApplication({ divisionCode: '370305003204' }), newAddress());
    expect(outside.status).toBe(422);
    expect(outside.body.error.message).toContain('所在村');
  });

  it('limits the applications of one ID number, with Retry-After', async () => {
    const id = person(5);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await apply(liuApplication({ idNumber: id, name: '孙立' }), newAddress()));
    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers[3]!.status).toBe(429);
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answers[3]!.body.error.message).toContain('申请提交次数过多');
  });

  it('limits the applications of one address, and not another’s', async () => {
    const address = newAddress();
    const ids = [11, 12, 13, 14, 15].map(person);
    const answers = [];
    for (const id of ids) answers.push((await apply(liuApplication({ idNumber: id }), address)).status);
    expect(answers).toEqual([201, 201, 201, 201, 429]);
    expect((await apply(liuApplication({ idNumber: ids[4] }), newAddress())).status).toBe(201);
  });

  it('refuses an oversize body with 413 and a malformed one with 400, in Chinese', async () => {
    const huge = await request(`/api/public/counties/${COUNTY}/applications`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: { description: '很'.repeat(40_000) } }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toContain('过大');
    const broken = await request(`/api/public/counties/${COUNTY}/applications`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"challenge": ',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('needs no CSRF token from a browser that is also signed in as an officer', async () => {
    await server.addUser('cunyuan', 'officer', ['500118104201']);
    const officer = await server.login('cunyuan');
    const solved = await solvedChallenge(request, COUNTY);
    const response = await request(`/api/public/counties/${COUNTY}/applications`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: officer.cookie!, 'X-Forwarded-For': newAddress() },
      body: JSON.stringify({ ...solved, data: liuApplication({ idNumber: person(6) }) }),
    });
    expect(response.status).toBe(201);
  });
});
