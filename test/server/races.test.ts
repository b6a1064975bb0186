// Races on one server, through HTTP: the same changes sent at once, many rounds, on whichever
// store the tests run on (SQLite by default, PostgreSQL with WNBD_TEST_STORE=postgres). Each
// round has exactly one winner; every other request is told with a 409 what happened, and
// nothing the winner wrote is lost. The same races across several servers on one PostgreSQL:
// multiServer.test.ts.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { identificationForm } from '../helpers/raceForms';
import { residentId, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import type { TestClient, TestResponse } from '../helpers/testServer';

const f = setUpFixture();

const ROUNDS = 20;

/** The statuses of a round's answers, sorted: [200, 409] is one winner and one loser. */
const statuses = (answers: TestResponse[]) => answers.map((a) => a.status).sort();

describe('two changes of one campaign at once', () => {
  it(`keep one and refuse the other with 409 (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { revision } = (await f.admin.get('/api/campaigns/test-2021')).body;
      const title = `2021年度（第 ${round} 轮）`;
      const incomeLine = 6000 + round;
      const answers = await Promise.all([
        f.admin.patch('/api/campaigns/test-2021', { revision, title }),
        f.admin.patch('/api/campaigns/test-2021', { revision, parameters: { incomeLine } }),
      ]);
      expect(statuses(answers), `round ${round}: ${answers.map((a) => a.text).join(' | ')}`).toEqual([200, 409]);
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body.error.message).toBe(`该活动已被他人修改（当前版本 ${revision + 1}），请刷新后再改`);
      const stored = (await f.admin.get('/api/campaigns/test-2021')).body;
      const winner = answers.find((a) => a.status === 200)!;
      expect(stored).toEqual(winner.body);
      expect(stored.revision).toBe(revision + 1);
    }
  });
});

describe('two changes of one account at once', () => {
  it(`keep one (disabling, or the other's edit) and refuse the other with 409 (${ROUNDS} rounds)`, async () => {
    const id = await f.server.addUser('race-user', 'officer', ['500118104201']);
    const account = async () => (await f.admin.get('/api/users')).body.items.find((u: { id: string }) => u.id === id);
    for (let round = 0; round < ROUNDS; round++) {
      const { revision, disabled } = await account();
      const answers = await Promise.all([
        f.admin.patch(`/api/users/${id}`, { revision, disabled: !disabled }),
        f.admin.patch(`/api/users/${id}`, { revision, displayName: `第 ${round} 轮` }),
      ]);
      expect(statuses(answers), `round ${round}: ${answers.map((a) => a.text).join(' | ')}`).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body.error.message).toBe(`该账号已被他人修改（当前版本 ${revision + 1}），请刷新后再改`);
      expect(await account()).toEqual(answers.find((a) => a.status === 200)!.body);
    }
  });
});

describe('a form\'s draft', () => {
  const definition = (title: string) => ({ id: 'race-form', title, schema: { type: 'object', properties: { A1: { type: 'string', title: 'A1 姓名' } } } });
  const versions = async () => (await f.admin.get('/api/forms/race-form/versions')).body.items as { version: number }[];

  beforeAll(async () => {
    expect((await f.admin.post('/api/forms', { definition: definition('竞争表') })).status).toBe(201);
  });

  it(`saved while it is published is kept or refused, never wiped (${ROUNDS} rounds)`, async () => {
    const outcomes = { published: 0, saved: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const { revision } = (await f.admin.get('/api/forms/race-form/draft')).body;
      const shown = (await f.admin.put('/api/forms/race-form/draft', { definition: definition(`第 ${round} 轮发布`), revision })).body.revision;
      const before = (await versions()).length;
      const [published, saved] = await Promise.all([
        f.admin.post('/api/forms/race-form/publish', { revision: shown }),
        f.admin.put('/api/forms/race-form/draft', { definition: definition(`第 ${round} 轮又改`), revision: shown }),
      ]);
      expect(statuses([published, saved]), `round ${round}: ${published.text} | ${saved.text}`).toEqual(published.status === 201 ? [201, 409] : [200, 409]);
      const draft = (await f.admin.get('/api/forms/race-form/draft')).body;
      const after = await versions();
      if (published.status === 201) {
        outcomes.published++;
        expect(after).toHaveLength(before + 1);
        expect((await f.admin.get(`/api/forms/race-form/versions/${published.body.version}`)).body.title).toBe(`第 ${round} 轮发布`);
        expect(draft.definition).toBeNull();
      } else {
        outcomes.saved++;
        expect(after).toHaveLength(before);
        expect(draft.definition.title).toBe(`第 ${round} 轮又改`);
      }
    }
    console.info(`draft saved while published, ${ROUNDS} rounds: publication won ${outcomes.published}, save won ${outcomes.saved}`);
  });

  it(`published twice at once makes one version; the other publisher is told it was published (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { revision } = (await f.admin.get('/api/forms/race-form/draft')).body;
      const shown = (await f.admin.put('/api/forms/race-form/draft', { definition: definition(`第 ${round} 轮`), revision })).body.revision;
      const before = (await versions()).length;
      const answers = await Promise.all([1, 2].map(() => f.admin.post('/api/forms/race-form/publish', { revision: shown })));
      expect(statuses(answers), `round ${round}: ${answers.map((a) => a.text).join(' | ')}`).toEqual([201, 409]);
      const version = answers.find((a) => a.status === 201)!.body.version;
      expect(answers.find((a) => a.status === 409)!.body.error.message).toBe(`该草稿已由 admin 发布为第 ${version} 版，请刷新后查看`);
      expect(await versions()).toHaveLength(before + 1);
    }
  });
});

/** New households of 高滩村, one per round, so each round's submission is the first of its household. */
async function importHouseholds(tag: number, count: number): Promise<{ id: string; headName: string; idNumber: string }[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    const idNumber = residentId('500118', `19${60 + (i % 30)}0${1 + (tag % 9)}0${1 + (i % 9)}`, 100 + i);
    return { divisionCode: '500118104201', headName: `竞${tag}-${i}`, headIdNumber: idNumber, kind: '脱贫户', members: [{ name: `竞${tag}-${i}`, idNumber, relation: '户主' }] };
  });
  const imported = await f.admin.post('/api/households', rows);
  expect(imported.status, imported.text).toBe(200);
  return rows.map((r, i) => ({ id: imported.body.ids[i] as string, headName: r.headName, idNumber: r.headIdNumber }));
}

describe('reviewers acting on one submission at once', () => {
  it(`record one review; the others are told who acted and how (${ROUNDS} rounds)`, async () => {
    await f.server.addUser('xiangzhen2', 'reviewer', ['500118104']);
    const township2 = await f.server.login('xiangzhen2');
    const households = await importHouseholds(1, ROUNDS);
    const reviewers: [string, TestClient][] = [['xiangzhen', f.township], ['xiangzhen2', township2], ['admin', f.admin]];
    for (const [round, h] of households.entries()) {
      const body = { ...validBody(h.id, { headName: h.headName, members: [{ name: h.headName, idNumber: h.idNumber, relation: '户主' }] }), submit: true };
      const submitted = (await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, body)).body;
      const answers = await Promise.all(reviewers.map(([, client]) => client.post(`/api/submissions/${submitted.id}/review`, { decision: 'approve', revision: submitted.revision })));
      expect(statuses(answers), `round ${round}: ${answers.map((a) => a.text).join(' | ')}`).toEqual([200, 409, 409]);
      const winner = reviewers[answers.findIndex((a) => a.status === 200)]![0];
      for (const loser of answers.filter((a) => a.status === 409)) {
        expect(loser.body.error.message).toBe(`此表已被 ${winner} 审核通过（乡镇审核），现等待“县级确定”（当前版本 2，您看到的是版本 1），您的审核未记录，请刷新后再看`);
      }
      const after = (await f.admin.get(`/api/submissions/${submitted.id}`)).body;
      expect(after).toMatchObject({ status: 'submitted', reviewLevel: 1, revision: 2 });
      expect(after.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'approve']);
    }
  });
});

describe('two approvals creating one household at once', () => {
  it(`make it once; the other approval is told it was made by the other form (${ROUNDS} rounds)`, async () => {
    expect((await f.admin.post('/api/forms', { definition: identificationForm })).status).toBe(201);
    const { revision } = (await f.admin.get('/api/forms/race-identification/draft')).body;
    expect((await f.admin.post('/api/forms/race-identification/publish', { revision })).status).toBe(201);
    const campaign = await f.admin.post('/api/campaigns', { id: 'race-2021', title: '新识别（测试）', year: 2021, forms: ['race-identification'] });
    expect(campaign.status, campaign.text).toBe(201);
    for (let round = 0; round < ROUNDS; round++) {
      const headIdNumber = residentId('500118', `19${70 + (round % 20)}0303`, 300 + round);
      const data = { divisionCode: '500118104201', headName: `新户${round}`, headIdNumber };
      const both: { id: string; revision: number }[] = [];
      for (let i = 0; i < 2; i++) {
        const created = await f.officer.post('/api/forms/race-identification/submissions', { id: randomUUID(), campaignId: 'race-2021', householdId: null, submit: true, data });
        expect(created.status, created.text).toBe(201);
        both.push(created.body as { id: string; revision: number });
      }
      const answers = await Promise.all([f.township, f.county].map((reviewer, i) =>
        reviewer.post(`/api/submissions/${both[i]!.id}/review`, { decision: 'approve', revision: both[i]!.revision })));
      expect(statuses(answers), `round ${round}: ${answers.map((a) => a.text).join(' | ')}`).toEqual([200, 409]);
      const winner = both[answers.findIndex((a) => a.status === 200)]!;
      const loser = answers.findIndex((a) => a.status === 409);
      expect(answers[loser]!.body.error.message).toBe(`户主证件号码 ${headIdNumber} 的农户（户主 新户${round}）刚由另一份表（提交编号 ${winner.id}）审核通过时建立，`
        + '本表未通过，也未再建一户；请刷新后查看该户，需要时退回本表');
      const registry = (await f.admin.get(`/api/households?q=${headIdNumber}`)).body;
      expect(registry.total).toBe(1);
      expect((await f.admin.get(`/api/submissions/${both[loser]!.id}`)).body).toMatchObject({ status: 'submitted', revision: 1 });
    }
  });
});

describe('two imports of the same new households at once', () => {
  const IMPORT_ROUNDS = 10;
  const rows = (round: number) => Array.from({ length: 30 }, (_, i) => {
    const idNumber = residentId('500118', `19${50 + i}0${1 + (round % 9)}1${round % 10}`, 500 + round);
    return { divisionCode: '500118104202', headName: `导${round}-${i}`, headIdNumber: idNumber, members: [{ name: `导${round}-${i}`, idNumber, relation: '户主' }] };
  });

  it(`(in opposite orders) make each household once: one import reports them created, the other updated (${IMPORT_ROUNDS} rounds)`, async () => {
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      const households = rows(round);
      const answers = await Promise.all([f.admin.post('/api/households', households), f.admin.post('/api/households', [...households].reverse())]);
      expect(answers.map((a) => a.status), `round ${round}: ${answers.map((a) => a.text.slice(0, 200)).join(' | ')}`).toEqual([200, 200]);
      expect(answers.map((a) => [a.body.created, a.body.updated]).sort()).toEqual([[0, 30], [30, 0]]);
      expect([...answers[1]!.body.ids].reverse()).toEqual(answers[0]!.body.ids);
      for (const h of [households[0]!, households[29]!]) expect((await f.admin.get(`/api/households?q=${h.headIdNumber}`)).body.total).toBe(1);
    }
  });

  it(`from a spreadsheet make each household once, counted honestly (${IMPORT_ROUNDS} rounds)`, async () => {
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      const households = rows(100 + round);
      const csv = (list: typeof households) => ['行政区划代码,户主姓名,户主证件号码,成员姓名,成员证件号码,与户主关系',
        ...list.map((h) => `${h.divisionCode},${h.headName},${h.headIdNumber},${h.headName},${h.headIdNumber},户主`)].join('\n');
      const answers = await Promise.all([csv(households), csv([...households].reverse())].map((file) =>
        f.admin.request('POST', '/api/household-import', file, { 'Content-Type': 'text/csv' })));
      expect(answers.map((a) => a.status), `round ${round}: ${answers.map((a) => a.text.slice(0, 300)).join(' | ')}`).toEqual([200, 200]);
      expect(answers.map((a) => [a.body.created, a.body.updated]).sort()).toEqual([[0, 30], [30, 0]]);
    }
  });
});
