import { describe, expect, it } from 'vitest';
import { publishDraft, saveDraft } from '../helpers/drafts';
import { sampleForm, sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();

describe('forms and versions', () => {
  it('lists the published forms of open campaigns to an officer', async () => {
    const items = (await f.officer.get('/api/forms')).body.items;
    expect(items).toContainEqual(expect.objectContaining({ id: SAMPLE_FORM_ID, title: '农户核查表（测试）', version: 1, campaigns: [expect.objectContaining({ id: 'test-2021' })] }));
  });

  it('refuses a draft the checker finds broken, with every problem and its place', async () => {
    const broken = structuredClone(sampleForm);
    broken.rules!.computed!.push({ field: 'A28', value: { method: [{ var: 'A28' }, 'toString'] } });
    const response = await saveDraft(f.admin, SAMPLE_FORM_ID, broken);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_definition');
    expect(response.body.error.details.problems).toContainEqual({ path: '/rules/computed/1/value/method', severity: 'error', message: '不允许的运算 "method"：规则只能使用允许列表中的运算' });
  });

  it('publishes the next version with a readable list of changes; a published version never changes', async () => {
    const next = structuredClone(sampleForm);
    next.schema.properties = { ...next.schema.properties as object, A29: { type: 'number', minimum: 0, title: 'A29 生产经营性收入（元）' } };
    expect((await saveDraft(f.admin, SAMPLE_FORM_ID, next)).status).toBe(200);
    const published = await publishDraft(f.admin, SAMPLE_FORM_ID);
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 2, changes: ['新增字段 A29 生产经营性收入（元）'], cases: [], revision: 4, adopted: ['test-2021'], moved: 0 });
    expect((await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}/versions/1`)).body.definition.schema.properties).not.toHaveProperty('A29');
    expect((await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}`)).body.version).toBe(2);
    expect((await publishDraft(f.admin, SAMPLE_FORM_ID)).status).toBe(409);
  });

  it('keeps validating a submission with the version it was filled against', async () => {
    const h = sampleHouseholds()[0]!;
    const created = await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, validBody(f.households[0]!.id, { headName: h.headName, members: h.members, A29: 500 }));
    expect(created.body.formVersion).toBe(2);
    expect(created.body.data.A29).toBe(500);
  });

  it('is administered by administrators only', async () => {
    expect((await f.officer.put(`/api/forms/${SAMPLE_FORM_ID}/draft`, { definition: sampleForm, revision: 0 })).status).toBe(403);
    expect((await f.officer.post('/api/forms', { definition: { ...sampleForm, id: 'another' } })).status).toBe(403);
    expect((await f.admin.post('/api/forms', { definition: sampleForm })).status).toBe(409);
  });

  it('answers unknown forms and versions with 404', async () => {
    expect((await f.officer.get('/api/forms/nope')).status).toBe(404);
    expect((await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}/versions/9`)).status).toBe(404);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents the API', async () => {
    const doc = (await f.officer.get('/api/openapi.json')).body;
    expect(doc.info.title).toBe('万能表单 API');
    for (const p of ['/api/session', '/api/users', '/api/households', '/api/forms/{formId}/submissions', '/api/submissions/{id}/review', '/api/forms/{formId}/publish']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('tells the officer\'s list which forms take photos or signatures, from the version it serves', async () => {
    const hasFiles = async () => (await f.officer.get('/api/forms')).body.items.find((item: { id: string }) => item.id === SAMPLE_FORM_ID).hasFiles;
    expect(await hasFiles()).toBe(false);
    const next = structuredClone(sampleForm);
    next.schema.properties = { ...next.schema.properties as object, B1: { type: 'array', title: 'B1 住房照片', items: { type: 'string', format: 'photo' } } };
    expect((await saveDraft(f.admin, SAMPLE_FORM_ID, next)).status).toBe(200);
    expect((await publishDraft(f.admin, SAMPLE_FORM_ID)).status).toBe(201);
    expect(await hasFiles()).toBe(true);
  });
});
