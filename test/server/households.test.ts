import { describe, expect, it } from 'vitest';
import { residentId, sampleHouseholds } from '../helpers/sampleForm';
import { setUpFixture } from '../helpers/serverFixture';

const f = setUpFixture();

describe('POST /api/households', () => {
  it('reports every bad row with its field, in Chinese, and writes nothing', async () => {
    const good = { divisionCode: '500118104202', headName: '陈光明', headIdNumber: residentId('500118', '19800101', 61), members: [] };
    const rows = [
      good,
      { ...good, headName: '赵一', headIdNumber: '500118198001010612' },
      { ...good, headName: '钱二', headIdNumber: residentId('500118', '19810101', 71), divisionCode: '500118104299' },
      { ...good, headName: '孙三' },
      { headName: '李四', divisionCode: '5001181042', headIdNumber: residentId('500118', '19820101', 81), kind: '贫困户', members: [{ name: '李四', idNumber: '123' }] },
    ];
    const response = await f.admin.post('/api/households', rows);
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_rows');
    expect(response.body.error.details.rows).toEqual([
      { row: 2, field: 'headIdNumber', message: expect.stringMatching(/^户主证件号码校验位错误/) },
      { row: 3, field: 'divisionCode', message: '行政区划代码 500118104299 不在已登记的村中' },
      { row: 4, field: 'headIdNumber', message: '户主证件号码与第 1 行重复' },
      { row: 5, field: 'kind', message: expect.stringMatching(/^户类型应为 脱贫户、一般农户/) },
    ]);
    expect((await f.admin.get('/api/households?q=陈光明')).body.total).toBe(0);
  });

  it('updates a household matched by head ID number instead of adding it twice', async () => {
    const [zhang] = sampleHouseholds();
    const response = await f.admin.post('/api/households', [{ ...zhang, phone: '13900000000' }]);
    expect(response.body).toMatchObject({ created: 0, updated: 1, ids: [f.households[0]!.id] });
    expect((await f.admin.get(`/api/households/${f.households[0]!.id}`)).body.phone).toBe('13900000000');
  });

  it('checks without writing on a dry run', async () => {
    const row = { divisionCode: '500118104202', headName: '陈光明', headIdNumber: residentId('500118', '19800101', 61), members: [] };
    expect((await f.admin.post('/api/households?dryRun=1', [row])).body).toEqual({ created: 1, updated: 0, ids: [], dryRun: true });
    expect((await f.admin.get('/api/households?q=陈光明')).body.total).toBe(0);
  });

  it('is for administrators only', async () => {
    expect((await f.officer.post('/api/households', sampleHouseholds())).status).toBe(403);
  });
});

describe('GET /api/households', () => {
  it('refuses a page number beyond any list with a 400 naming it', async () => {
    const response = await f.officer.get('/api/households?page=1000000000000000000');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('page');
  });

  it('lists the households of the user\'s area, filtered by village, kind and name or ID', async () => {
    expect((await f.officer.get('/api/households')).body.items.map((h: { headName: string }) => h.headName).sort()).toEqual(['张德明', '王桂芳']);
    expect((await f.township.get('/api/households')).body.total).toBe(3);
    expect((await f.township.get('/api/households?division=500118104202')).body.items[0].headName).toBe('刘大勇');
    expect((await f.township.get('/api/households?kind=监测户')).body.items.map((h: { headName: string }) => h.headName)).toEqual(['刘大勇']);
    expect((await f.township.get('/api/households?kind=脱贫户')).body.items[0].memberCount).toBe(3);
    const member = sampleHouseholds()[0]!.members[1]!;
    expect((await f.township.get(`/api/households?q=${member.idNumber}`)).body.items[0].headName).toBe('张德明');
  });

  it('shows a household with its members and submissions, and hides others\' households', async () => {
    const detail = (await f.officer.get(`/api/households/${f.households[0]!.id}`)).body;
    expect(detail).toMatchObject({ headName: '张德明', divisionName: '高滩村', memberCount: 3, submissions: [] });
    expect(detail.members[1]).toMatchObject({ name: '李秀兰', relation: '配偶' });
    expect((await f.officer.get(`/api/households/${f.households[2]!.id}`)).status).toBe(404);
    expect((await f.officer.get('/api/households/not-a-household')).status).toBe(404);
  });
});
