// The whole server on PostgreSQL, through HTTP as a browser drives it: log in, create a
// submission (retries, even simultaneous ones, store it once), review it through both levels
// (the last approval changes the registry), restart, and serve one session from two instances,
// which holds only because the server keeps nothing in memory.
// Skipped when WNBD_PG_URL is unset, unless WNBD_REQUIRE_PG=1 (then this file fails).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDraft } from '../helpers/drafts';
import { review } from '../helpers/review';
import { sampleForm, sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { DIVISIONS, validBody } from '../helpers/serverFixture';
import { postgresTestUrl, startTestServer, TestClient, type TestServer } from '../helpers/testServer';

const url = postgresTestUrl('PostgreSQL server round trip') ?? '';
const path = `/api/forms/${SAMPLE_FORM_ID}/submissions`;

describe.skipIf(!url)('the server on PostgreSQL (needs WNBD_PG_URL)', () => {
  describe('the server on PostgreSQL', () => {
    let server: TestServer;
    let second: TestServer | null = null;
    let households: string[] = [];

    beforeAll(async () => {
      server = await startTestServer({ kind: 'postgres' });
      await server.store.upsertDivisions(DIVISIONS);
      await server.store.createCampaign({
        id: 'test-2021', title: '2021年度（测试）', year: 2021, description: '', parameters: { incomeLine: 6000 },
        forms: [SAMPLE_FORM_ID], status: 'open', divisions: [], createdAt: server.clock.now().toISOString(),
      });
      await server.addUser('cunyuan', 'officer', ['500118104201']);
      await server.addUser('xiangzhen', 'reviewer', ['500118104']);
      await server.addUser('quxian', 'reviewer', ['500118']);
      const admin = await server.login('admin');
      expect((await admin.post('/api/forms', { definition: sampleForm })).status).toBe(201);
      expect((await publishDraft(admin, SAMPLE_FORM_ID)).status).toBe(201);
      const imported = await admin.post('/api/households', sampleHouseholds());
      expect(imported.status).toBe(200);
      households = imported.body.ids;
    });
    afterAll(async () => {
      // The second instance shares the schema: only its connections are closed.
      await second?.store.close();
      await server?.close();
    });

    it('stores a submission once however often it is sent, even all at once', async () => {
      const officer = await server.login('cunyuan');
      const body = validBody(households[1]!);
      const first = await officer.post(path, body);
      expect(first.status).toBe(201);
      expect((await officer.post(path, body)).body).toEqual(first.body);

      const racing = { ...validBody(households[0]!), submit: true };
      const answers = await Promise.all([1, 2, 3].map(() => officer.post(path, racing)));
      // Every retry is answered as the first time, even one that finds the household's submission
      // (its own) before it finds its id.
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(answers.every((a) => JSON.stringify(a.body) === JSON.stringify(answers[0]!.body))).toBe(true);
      expect((await officer.get(`/api/submissions/${racing.id}`)).body.history).toHaveLength(1);
      expect((await officer.get(`${path}?q=张德明`)).body.total).toBe(1);
    });

    it('reviews through both levels, the last approval changing the registry in the same transaction', async () => {
      const officer = await server.login('cunyuan');
      const [submitted] = (await officer.get(`${path}?status=submitted`)).body.items;
      expect((await review(await server.login('xiangzhen'), submitted.id, { decision: 'approve' })).body.reviewLevel).toBe(1);
      const approved = await review(await server.login('quxian'), submitted.id, { decision: 'approve', comment: '同意' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
      const household = (await officer.get(`/api/households/${households[0]}`)).body;
      expect(household).toMatchObject({ kind: '脱贫不稳定户', identifiedMonth: '2021-11' });
      expect(household.history).toEqual([expect.objectContaining({ submissionId: submitted.id })]);
    });

    it('keeps every acknowledged write across a restart', async () => {
      const admin = await server.login('admin');
      const before = (await admin.get(path)).body;
      server = await server.restart();
      const after = (await (await server.login('admin')).get(path)).body;
      expect(after.total).toBe(2);
      expect(after.items).toEqual(before.items);
    });

    it('serves a session opened on one instance from another instance on the same database', async () => {
      second = await startTestServer({ kind: 'postgres', schema: server.schema!, clock: server.clock });
      const officer = await server.login('cunyuan');
      const elsewhere = new TestClient(second.app);
      elsewhere.cookie = officer.cookie;
      elsewhere.csrf = officer.csrf;
      const mine = (await officer.get(`${path}?q=王桂芳`)).body.items[0];
      const saved = await elsewhere.put(`/api/submissions/${mine.id}`, { data: { ...mine.data, A28: 3000 }, revision: mine.revision });
      expect(saved.status).toBe(200);
      expect((await officer.get(`/api/submissions/${mine.id}`)).body).toMatchObject({ revision: mine.revision + 1, data: { A28: 3000 } });
      const stale = await officer.put(`/api/submissions/${mine.id}`, { data: { ...mine.data, A28: 1 }, revision: mine.revision });
      expect(stale.status).toBe(409);
      const duplicate = await elsewhere.post(path, validBody(households[1]!));
      expect(duplicate.body.error).toMatchObject({ code: 'duplicate_submission', details: { existingId: mine.id } });
    });
  });
});
