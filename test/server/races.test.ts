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
