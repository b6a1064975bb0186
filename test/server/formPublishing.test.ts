// Publishing with test cases, through HTTP: the shipped forms keep their cases, an administrator
// edits a form's cases (checked), and publishing refuses a draft that breaks a case, that an open
// campaign cannot supply parameters for, or that the checker refuses — listing every reason —
// and otherwise publishes with the list of what changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormCase, FormDefinition } from '@engine';
import { defaultServerConfig, type Deps } from '../../server/deps';
import { FormVersions } from '../../server/forms/FormVersions';
import { loadPublishedForms } from '../../server/seed/loadPublishedForms';
import { SqliteStore } from '../../server/store/sqlite/SqliteStore';
import { publishDraft, saveDraft } from '../helpers/drafts';
import { FORMS_DIR, loadCases, loadForm } from '../helpers/forms';
import { setUpFixture } from '../helpers/serverFixture';

const f = setUpFixture();

const lookback = () => structuredClone(loadForm('lookback'));
const shippedCases = loadCases('lookback');

async function versionCount(formId: string): Promise<number> {
  return (await f.admin.get(`/api/forms/${formId}/versions`)).body.items.length;
}

describe('the shipped forms\' test cases', () => {
  it('are kept with each form and with the version published at start', async () => {
    const cases = (await f.admin.get('/api/forms/lookback/cases')).body.cases;
    expect(cases).toHaveLength(shippedCases.length);
    expect(cases[0].name).toBe(shippedCases[0]!.name);
    expect((await f.admin.get('/api/forms/lookback/versions/1/cases')).body.cases).toEqual(cases);
  });

  it('are added once to a form published by an earlier start, and never brought back once removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wnbd-seed-'));
    const store = new SqliteStore(join(dir, 'db.sqlite'));
    try {
      await store.migrate();
      const deps: Deps = { store, forms: new FormVersions(store), clock: { now: () => new Date('2021-11-20T09:00:00Z') }, config: defaultServerConfig, log: { info() {}, error() {} } };
      await store.createForm({ id: 'lookback', title: '回头看', createdAt: '2021-04-01T00:00:00Z' });
      await store.publishVersion({ formId: 'lookback', definition: loadForm('lookback'), by: 'system', at: '2021-04-01T00:00:00Z', changes: ['初始版本'] });
      expect(await store.getFormCases('lookback')).toBeNull();
      await loadPublishedForms(deps, FORMS_DIR);
      expect(await store.getFormCases('lookback')).toHaveLength(shippedCases.length);
      await store.saveFormCases('lookback', []);
      await loadPublishedForms(deps, FORMS_DIR);
      expect(await store.getFormCases('lookback')).toEqual([]);
      expect((await store.listFormVersions('lookback')).length).toBe(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PUT /api/forms/:id/cases', () => {
  const good: FormCase = { name: '空表不能提交', data: {}, expect: { valid: false, errors: [{ path: '/headName' }] } };

  it('saves the cases as sent', async () => {
    const response = await f.admin.put('/api/forms/household-check/cases', { cases: [good] });
    expect(response.status).toBe(200);
    expect((await f.admin.get('/api/forms/household-check/cases')).body.cases).toEqual([good]);
  });

  it('refuses a malformed case with the field named, and keeps what was stored', async () => {
    const noName = await f.admin.put('/api/forms/household-check/cases', { cases: [good, { ...good, name: '' }] });
    expect(noName.status).toBe(400);
    expect(noName.body.error.message).toMatch(/^请求字段 cases\.1\.name 不正确：用例名称不能为空/);
    const badPointer = await f.admin.put('/api/forms/household-check/cases', { cases: [{ ...good, expect: { values: { A34: 1 } } }] });
    expect(badPointer.status).toBe(400);
    expect(badPointer.body.error.message).toContain('cases.0.expect.values');
    const twice = await f.admin.put('/api/forms/household-check/cases', { cases: [good, good] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toBe('请求字段 cases.1.name 不正确：用例名称“空表不能提交”与第 1 个用例重复');
    const unknownKey = await f.admin.put('/api/forms/household-check/cases', { cases: [{ ...good, expected: {} }] });
    expect(unknownKey.status).toBe(400);
    expect((await f.admin.get('/api/forms/household-check/cases')).body.cases).toEqual([good]);
  });

  it('is for administrators, on forms that exist', async () => {
    expect((await f.officer.put('/api/forms/household-check/cases', { cases: [] })).status).toBe(403);
    expect((await f.officer.get('/api/forms/household-check/cases')).status).toBe(403);
    expect((await f.admin.put('/api/forms/nope/cases', { cases: [] })).status).toBe(404);
    expect((await f.admin.get('/api/forms/nope/cases')).status).toBe(404);
    expect((await f.admin.get('/api/forms/lookback/versions/9/cases')).status).toBe(404);
  });
});

describe('POST /api/forms/:id/publish', () => {
  it('refuses a draft that breaks a test case, naming the case, the campaign and why; nothing is published', async () => {
    const draft = lookback();
    draft.rules!.validations = draft.rules!.validations!.filter((v) => v.id !== 'a7-not-after-reference');
    expect((await saveDraft(f.admin, 'lookback', draft)).status).toBe(200);
    const response = await publishDraft(f.admin, 'lookback');
    expect(response.status).toBe(422);
    expect(response.body.error.message).toBe('有 1 个测试用例未通过，未发布。“A7 晚于统计调查时点”（活动“2021年监测对象“回头看””）：应有错误，实际没有');
    const failed = response.body.error.details.cases.filter((c: { passed: boolean }) => !c.passed);
    expect(failed).toEqual([{ name: 'A7 晚于统计调查时点', campaignId: '2021-lookback', campaignTitle: '2021年监测对象“回头看”', passed: false, failures: ['应有错误，实际没有', '/A7 应有错误“晚于统计调查时点 2021-04-20”，实际错误：无'] }]);
    expect(await versionCount('lookback')).toBe(1);
  });

  it('refuses a draft declaring a parameter an open campaign does not supply', async () => {
    const draft = lookback();
    draft.parameters = { ...draft.parameters, povertyLine: { title: '低收入人口标准线', type: 'number' } };
    await saveDraft(f.admin, 'lookback', draft);
    const response = await publishDraft(f.admin, 'lookback');
    expect(response.status).toBe(422);
    expect(response.body.error.message).toContain('活动“2021年监测对象“回头看””：表单 lookback 需要参数 povertyLine（低收入人口标准线），活动未提供');
    expect(await versionCount('lookback')).toBe(1);
  });

  it('answers a dry run with the changes and every case\'s result, without publishing', async () => {
    const draft = lookback();
    (draft.schema.properties as Record<string, unknown>).E1 = { type: 'boolean', title: 'E1 是否新增务工人员' };
    draft.sections!.push({ id: 'new-work', title: '5. 新增务工', fields: ['E1'] });
    await saveDraft(f.admin, 'lookback', draft);
    const response = await f.admin.post('/api/forms/lookback/publish?dryRun=1');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ version: null, dryRun: true, campaigns: [{ id: '2021-lookback', title: '2021年监测对象“回头看”' }] });
    expect(response.body.changes).toEqual(['新增字段 E1 是否新增务工人员', '分区或字段顺序已调整']);
    expect(response.body.cases).toHaveLength(shippedCases.length);
    expect(response.body.cases.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(await versionCount('lookback')).toBe(1);
    expect((await f.admin.get('/api/forms/lookback/draft')).body.definition.schema.properties).toHaveProperty('E1');
  });

  it('publishes a draft whose cases all pass, with its changes in the versions list and its cases kept with it', async () => {
    const response = await publishDraft(f.admin, 'lookback');
    expect(response.status).toBe(201);
    expect(response.body.version).toBe(2);
    expect(response.body.changes).toEqual(['新增字段 E1 是否新增务工人员', '分区或字段顺序已调整']);
    const versions = (await f.officer.get('/api/forms/lookback/versions')).body.items;
    expect(versions[1]).toMatchObject({ version: 2, publishedBy: 'admin', changes: ['新增字段 E1 是否新增务工人员', '分区或字段顺序已调整'] });
    expect((await f.admin.get('/api/forms/lookback/versions/2/cases')).body.cases).toHaveLength(shippedCases.length);
    expect((await f.admin.get('/api/forms/lookback/draft')).body.definition).toBeNull();
  });

  it('refuses a draft the checker refuses, and answers 409 without a draft', async () => {
    expect((await publishDraft(f.admin, 'lookback')).status).toBe(409);
    expect((await f.officer.post('/api/forms/lookback/publish')).status).toBe(403);
  });
});

describe('GET /api/forms?all=1', () => {
  it('lists an administrator\'s forms not yet published, with their drafts', async () => {
    const fresh: FormDefinition = { id: 'new-form', title: '新表', schema: { type: 'object', properties: { A1: { type: 'string', title: 'A1 姓名' } } } };
    expect((await f.admin.post('/api/forms', { definition: fresh })).status).toBe(201);
    const all = (await f.admin.get('/api/forms?all=1')).body.items;
    expect(all).toContainEqual(expect.objectContaining({ id: 'new-form', title: '新表', version: null, hasDraft: true }));
    expect(all).toContainEqual(expect.objectContaining({ id: 'lookback', version: 2, hasDraft: false }));
    expect((await f.admin.get('/api/forms')).body.items.map((i: { id: string }) => i.id)).not.toContain('new-form');
    expect((await f.officer.get('/api/forms?all=1')).body.items.map((i: { id: string }) => i.id)).not.toContain('new-form');
  });
});

describe('the draft\'s revision', () => {
  const form: FormDefinition = { id: 'rev-form', title: '版本测试表', schema: { type: 'object', properties: { A1: { type: 'string', title: 'A1 姓名' } } } };
  const titled = (title: string): FormDefinition => ({ ...form, title });

  it('is answered with the draft, one more at each save; a save from an older one is refused with 409 and not written', async () => {
    const created = await f.admin.post('/api/forms', { definition: form });
    expect(created.body.revision).toBe(1);
    expect((await f.admin.get('/api/forms/rev-form/draft')).body.revision).toBe(1);
    const saved = await f.admin.put('/api/forms/rev-form/draft', { definition: titled('第一次修改'), revision: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);
    const stale = await f.admin.put('/api/forms/rev-form/draft', { definition: titled('基于旧草稿'), revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({ code: 'stale_revision', message: '草稿已被他人修改（当前版本 2），请刷新后再改', details: { revision: 2 } });
    expect((await f.admin.get('/api/forms/rev-form/draft')).body).toMatchObject({ revision: 2, definition: { title: '第一次修改' } });
    expect((await f.admin.put('/api/forms/rev-form/draft', { definition: titled('没有版本') })).status).toBe(400);
  });

  it('publishes only the draft revision it was shown: a draft saved since is kept and nothing is published', async () => {
    const check = await f.admin.post('/api/forms/rev-form/publish?dryRun=1');
    expect(check.body).toMatchObject({ dryRun: true, revision: 2 });
    await f.admin.put('/api/forms/rev-form/draft', { definition: titled('检查之后又改'), revision: 2 });
    const refused = await f.admin.post('/api/forms/rev-form/publish', { revision: check.body.revision });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('草稿已被他人修改（当前版本 3），请刷新后再改');
    expect(await versionCount('rev-form')).toBe(0);
    expect((await f.admin.get('/api/forms/rev-form/draft')).body).toMatchObject({ revision: 3, definition: { title: '检查之后又改' } });
  });

  it('needs the revision to publish, and tells a second publisher of one draft that it was published', async () => {
    const missing = await f.admin.post('/api/forms/rev-form/publish', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('revision');
    expect((await f.admin.post('/api/forms/rev-form/publish', { revision: 3 })).status).toBe(201);
    const again = await f.admin.post('/api/forms/rev-form/publish', { revision: 3 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该草稿已由 admin 发布为第 1 版，请刷新后查看');
    expect(await versionCount('rev-form')).toBe(1);
    expect((await f.admin.get('/api/forms/rev-form/draft')).body).toMatchObject({ definition: null, revision: 4 });
  });
});
