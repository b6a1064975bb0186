// A number that cannot be kept exactly, sent through HTTP as the digits a phone typed: refused on
// submit (422 naming the field), and a draft is stored without it, never with lost digits.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();

/** The request body as text, with A28 as twenty typed digits (JSON.stringify could not write them). */
function withTwentyDigits(submit: boolean): string {
  const body = { ...validBody(f.households[0]!.id, { A28: 1 }), id: randomUUID(), submit };
  return JSON.stringify(body).replace('"A28":1', '"A28":12345678901234567890');
}

describe('a 20-digit A28', () => {
  it('is refused on submit with a message naming the field', async () => {
    const response = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, withTwentyDigits(true));
    expect(response.status, response.text).toBe(422);
    expect(response.body.error.details.errors).toContainEqual(expect.objectContaining({
      path: '/A28', code: 'precision', message: 'A28 工资性收入（元）数字过长，无法准确保存（最多 15 位数字），请核对',
    }));
  });

  it('is left out of a draft, which keeps the issue', async () => {
    const response = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, withTwentyDigits(false));
    expect(response.status, response.text).toBe(201);
    const stored = (await f.officer.get(`/api/submissions/${response.body.id}`)).body;
    expect(stored.data.A28).toBeUndefined();
    expect(stored.data.A34).toBe(0);
    expect(stored.errors.map((e: { code: string }) => e.code)).toContain('precision');
  });
});
