// A submission id is its creator's: the same request sent again by the officer who made it is
// answered as the first time (a retry after a lost answer), but the same id and body sent by another
// officer — who can see the household too — is a conflict, never the first officer's record.
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import type { TestClient } from '../helpers/testServer';

const f = setUpFixture();
let colleague: TestClient;
const path = `/api/forms/${SAMPLE_FORM_ID}/submissions`;

beforeAll(async () => {
  // A second officer of 高滩村, with the same area as the first.
  await f.server.addUser('gaotan2', 'officer', ['500118104201']);
  colleague = await f.server.login('gaotan2');
});

describe('a submission id replayed by another user', () => {
  it('is refused with 409, leaving the first officer\'s record as it was', async () => {
    const body = validBody(f.households[0]!.id);
    const first = await f.officer.post(path, body);
    expect(first.status).toBe(201);
    expect((await f.officer.post(path, body)).status).toBe(201);

    const replayed = await colleague.post(path, body);
    expect(replayed.status).toBe(409);
    expect(replayed.body.error).toEqual({ code: 'conflict', message: `提交编号 ${body.id} 已被另一份内容使用` });
    expect(replayed.body).not.toHaveProperty('data');

    const stored = await f.officer.get(`/api/submissions/${body.id}`);
    expect(stored.body.revision).toBe(first.body.revision);
    expect(stored.body.history).toHaveLength(1);
    expect(stored.body.data).toEqual(first.body.data);
  });
});
