// GET /api/fill through HTTP: a fill page's reads in one answer, each part exactly what its own
// route answers (so the phone keeps them under those paths for use with no signal), and nothing
// the caller may not read through those routes.
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import { TestClient } from '../helpers/testServer';

const f = setUpFixture();
let zhang: string;
let submission: string;

beforeAll(async () => {
  zhang = f.households.find((h) => h.headName === '张德明')!.id;
  const created = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, validBody(zhang));
  expect(created.status, created.text).toBe(201);
  submission = created.body.id;
});

describe('GET /api/fill', () => {
  it('gives a submission with its form version, the campaigns and its household, each as its own route gives it', async () => {
    const fill = await f.officer.get(`/api/fill?submission=${submission}`);
    expect(fill.status, fill.text).toBe(200);
    const [own, form, campaigns, household] = await Promise.all([
      f.officer.get(`/api/submissions/${submission}`), f.officer.get(`/api/forms/${SAMPLE_FORM_ID}/versions/1`),
      f.officer.get('/api/campaigns'), f.officer.get(`/api/households/${zhang}`),
    ]);
    expect(fill.body.submission).toEqual(own.body);
    expect(fill.body.form).toEqual(form.body);
    expect(fill.body.campaigns).toEqual(campaigns.body);
    expect(fill.body.household).toEqual(household.body);
    // Checked against the fixture, not only against the other routes.
    expect(fill.body.submission).toMatchObject({ id: submission, formId: SAMPLE_FORM_ID, formVersion: 1, householdId: zhang, status: 'draft', data: { A28: 12000 } });
    expect(fill.body.household).toMatchObject({ id: zhang, headName: '张德明', memberCount: 3 });
    expect(fill.body.campaigns.items.map((c: { id: string }) => c.id)).toContain('test-2021');
  });

  it('gives a draft not yet on the server its form version, the campaigns and the household named', async () => {
    const fill = await f.officer.get(`/api/fill?form=${SAMPLE_FORM_ID}&version=1&household=${zhang}`);
    expect(fill.status, fill.text).toBe(200);
    expect(fill.body.submission).toBeNull();
    expect(fill.body.form).toMatchObject({ id: SAMPLE_FORM_ID, version: 1, definition: { id: SAMPLE_FORM_ID } });
    expect(fill.body.household).toMatchObject({ id: zhang, headName: '张德明' });
    const noHousehold = await f.officer.get(`/api/fill?form=${SAMPLE_FORM_ID}&version=1`);
    expect(noHousehold.body.household).toBeNull();
  });

  it('refuses what the caller may not read, and says in Chinese which parameter is wrong', async () => {
    // 普安村's officer may not read 高滩村's submission or household.
    expect((await f.otherOfficer.get(`/api/fill?submission=${submission}`)).status).toBe(404);
    expect((await f.otherOfficer.get(`/api/fill?form=${SAMPLE_FORM_ID}&version=1&household=${zhang}`)).status).toBe(404);
    const missing = await f.officer.get('/api/fill?version=1');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('form');
    const noVersion = await f.officer.get(`/api/fill?form=${SAMPLE_FORM_ID}`);
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.message).toContain('version');
    expect((await f.officer.get(`/api/fill?form=${SAMPLE_FORM_ID}&version=9`)).status).toBe(404);
    const badId = await f.officer.get('/api/fill?submission=abc');
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain('submission');
    const anonymous = await new TestClient(f.server.app).get(`/api/fill?submission=${submission}`);
    expect(anonymous.status).toBe(401);
  });
});
