import { beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '@engine';
import { publishDraft, saveDraft } from '../helpers/drafts';
import { review } from '../helpers/review';
import { sampleForm, sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const rows = `/api/forms/${SAMPLE_FORM_ID}/review-rows`;
const ids = { zhang: '', wang: '', liu: '' };

beforeAll(async () => {
  const [zhang, wang, liu] = sampleHouseholds();
  const post = async (officer: typeof f.officer, i: number, data: Record<string, unknown>, submit: boolean) => {
    const h = sampleHouseholds()[i]!;
    const response = await officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, {
      ...validBody(f.households[i]!.id, { headName: h.headName, address: h.address, members: h.members, ...data }), submit,
    });
    expect(response.status, response.text).toBe(201);
    return response.body.id as string;
  };
  ids.zhang = await post(f.officer, 0, { A28: 12000 }, true);
  ids.wang = await post(f.officer, 1, { A28: 30000, A1: true, A2: '安置小区' }, false);
  ids.liu = await post(f.otherOfficer, 2, { A28: 9000 }, true);
  expect([zhang, wang, liu].every(Boolean)).toBe(true);
});

describe('GET /api/forms/:formId/review-rows', () => {
  it('gives each row its village, its officer by name, what it waits on and whether this reviewer may act now', async () => {
    const response = await f.township.get(`${rows}?sort=headName&order=asc`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 3, page: 1, pageSize: 20, myLevel: 0 });
    expect(response.body.levels.map((l: { title: string }) => l.title)).toEqual(['乡镇审核', '县级确定']);
    const byName = Object.fromEntries(response.body.items.map((r: { headName: string }) => [r.headName, r]));
    expect(byName.张德明).toMatchObject({
      id: ids.zhang, villageName: '高滩村', divisionCode: '500118104201', status: 'submitted', statusLabel: '已提交',
      waitingOn: '乡镇审核', canReview: true, createdBy: { name: 'cunyuan' }, revision: 1, formVersion: 1,
    });
    expect(byName.王桂芳).toMatchObject({ status: 'draft', waitingOn: null, canReview: false });
    expect(byName.刘大勇).toMatchObject({ villageName: '普安村', createdBy: { name: 'puan' }, canReview: true });
    expect(response.body.items[0]).not.toHaveProperty('data');
  });

  it('shows the county reviewer the same rows, none of them theirs until the township has approved', async () => {
    const before = (await f.county.get(rows)).body;
    expect(before.myLevel).toBe(1);
    expect(before.items.filter((r: { canReview: boolean }) => r.canReview)).toEqual([]);
    const approved = await review(f.township, ids.liu, { decision: 'approve' });
    expect(approved.status).toBe(200);
    const after = (await f.county.get(rows)).body.items.find((r: { id: string }) => r.id === ids.liu);
    expect(after).toMatchObject({ waitingOn: '县级确定', canReview: true, reviewLevel: 1, revision: 2 });
    expect((await f.township.get(rows)).body.items.find((r: { id: string }) => r.id === ids.liu).canReview).toBe(false);
  });

  it('shows a returned row waiting on its officer, with the comment', async () => {
    const returned = await review(f.township, ids.zhang, { decision: 'return', comment: 'A28 偏低，请核实务工收入' });
    expect(returned.status).toBe(200);
    const row = (await f.township.get(`${rows}?status=returned`)).body.items;
    expect(row).toEqual([expect.objectContaining({ id: ids.zhang, statusLabel: '已退回', waitingOn: null, canReview: false, returnComment: 'A28 偏低，请核实务工收入' })]);
  });

  it('shows the key values as the officer reads them: computed values, then named choices, then yes/no', async () => {
    const body = (await f.township.get(`${rows}?q=王桂芳`)).body;
    expect(body.columns).toEqual([
      { key: 'A34', title: 'A34 家庭人均纯收入（元）' }, { key: 'A3', title: 'A3 监测对象类别' }, { key: 'A1', title: 'A1 居住在安置区' },
    ]);
    expect(body.items[0].keyValues).toEqual({ A34: 30000, A3: '脱贫不稳定户', A1: '是' });
    expect(body.items[0]).toMatchObject({ warningCount: 1, errorCount: 0 });
  });

  it('takes the key values a definition declares in uiSchema["ui:options"].keyFields', async () => {
    const misspelt: FormDefinition = { ...sampleForm, uiSchema: { 'ui:options': { keyFields: ['A28', 'nosuch', 'members', 'A3'] } } };
    const refused = await saveDraft(f.admin, SAMPLE_FORM_ID, misspelt);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.problems.map((p: { path: string }) => p.path)).toEqual(['/uiSchema/ui:options/keyFields/1', '/uiSchema/ui:options/keyFields/2']);
    const definition: FormDefinition = { ...sampleForm, uiSchema: { 'ui:options': { keyFields: ['A28', 'A3'] } } };
    expect((await saveDraft(f.admin, SAMPLE_FORM_ID, definition)).status).toBe(200);
    expect((await publishDraft(f.admin, SAMPLE_FORM_ID)).status).toBe(201);
    const body = (await f.township.get(`${rows}?q=王桂芳`)).body;
    expect(body.columns.map((c: { key: string }) => c.key)).toEqual(['A28', 'A3']);
    expect(body.items[0].keyValues).toEqual({ A28: 30000, A3: '脱贫不稳定户' });
  });

  it('filters as the list and the export do: village, status, level, text; pages and sorts', async () => {
    const names = async (query: string) => (await f.township.get(`${rows}?${query}`)).body.items.map((r: { headName: string }) => r.headName);
    expect(await names('division=500118104202')).toEqual(['刘大勇']);
    // The tree's counts follow every filter but the division.
    expect((await f.township.get(`${rows}?division=500118104202&q=王`)).body.byDivision).toEqual([{ divisionCode: '500118104201', count: 1 }]);
    expect(await names('status=submitted&level=1')).toEqual(['刘大勇']);
    expect(await names('q=王')).toEqual(['王桂芳']);
    expect(await names(`q=${sampleHouseholds()[2]!.headIdNumber}`)).toEqual(['刘大勇']);
    expect(await names('sort=divisionCode&order=desc&pageSize=1&page=1')).toEqual(['刘大勇']);
    const page2 = (await f.township.get(`${rows}?sort=headName&order=asc&pageSize=2&page=2`)).body;
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
  });

  it('keeps to the scope: an officer sees their village, a reviewer elsewhere nothing', async () => {
    expect((await f.otherOfficer.get(rows)).body.items.map((r: { headName: string }) => r.headName)).toEqual(['刘大勇']);
    await f.server.addUser('other-town', 'reviewer', ['500118105']);
    const stranger = await f.server.login('other-town');
    expect((await stranger.get(rows)).body).toMatchObject({ items: [], total: 0, myLevel: 0 });
  });

  it('answers bad requests with a Chinese message naming the field, and an unknown form with 404', async () => {
    const bad = await f.township.get(`${rows}?status=done`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^请求字段 status 不正确/);
    const size = await f.township.get(`${rows}?pageSize=1000`);
    expect(size.status).toBe(400);
    expect(size.body.error.message).toMatch(/^请求字段 pageSize 不正确/);
    const missing = await f.township.get('/api/forms/no-such-form/review-rows');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('表单不存在');
    const anonymous = await f.server.app.request(rows);
    expect(anonymous.status).toBe(401);
  });
});
