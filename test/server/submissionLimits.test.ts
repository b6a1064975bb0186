// Submitted data past the engine's limits (budget/limits.ts) is refused with the engine's issue,
// as a draft too: it is not evaluated, so nothing is stored in its place.
import { describe, expect, it } from 'vitest';
import { MAX_DATA_DEPTH, MAX_SUBMISSION_SIZE } from '@engine';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const path = `/api/forms/${SAMPLE_FORM_ID}/submissions`;

function nested(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('submissions past the engine\'s limits', () => {
  it('refuses a draft larger than the submission limit with 422 naming the limit, storing nothing', async () => {
    const body = validBody(f.households[0]!.id, { address: 'x'.repeat(MAX_SUBMISSION_SIZE) });
    const response = await f.officer.post(path, body);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_submission');
    expect(response.body.error.details.errors).toEqual([
      { path: '/address', field: '', code: 'limit', message: `表单数据过大：超过 ${MAX_SUBMISSION_SIZE / 1024} KB`, severity: 'error' },
    ]);
    expect((await f.officer.get(`/api/submissions/${body.id}`)).status).toBe(404);
  });

  it('refuses a draft nested deeper than the data limit, and an update the same way', async () => {
    const deep = validBody(f.households[0]!.id, { address: nested(MAX_DATA_DEPTH + 5) });
    const refused = await f.officer.post(path, deep);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(`提交失败：表单数据嵌套过深：超过 ${MAX_DATA_DEPTH} 层`);
    const draft = validBody(f.households[0]!.id);
    const created = await f.officer.post(path, draft);
    expect(created.status).toBe(201);
    const update = await f.officer.put(`/api/submissions/${draft.id}`, { revision: 1, submit: false, data: { ...draft.data, address: nested(MAX_DATA_DEPTH + 5) } });
    expect(update.status).toBe(422);
    const stored = await f.officer.get(`/api/submissions/${draft.id}`);
    expect(stored.body.data.address).toBe(draft.data.address);
    expect(stored.body.revision).toBe(1);
  });
});
