// Races on one server, through HTTP: the same changes sent at once, many rounds, on whichever
// store the tests run on (SQLite by default, PostgreSQL with WNBD_TEST_STORE=postgres). Each
// round has exactly one winner; every other request is told with a 409 what happened, and
// nothing the winner wrote is lost. The same races across several servers on one PostgreSQL:
// multiServer.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../helpers/serverFixture';
import type { TestResponse } from '../helpers/testServer';

let f: Fixture;

beforeAll(async () => {
  f = await createFixture();
});
afterAll(() => f.server.close());

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
