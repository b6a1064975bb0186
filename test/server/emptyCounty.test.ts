// A real county's first day, from a database with no demo (DEMO=0), all through HTTP: nothing is
// registered and a household import is refused; the administrator finds 永川区 in the official
// list and registers it in one step, creates a village officer and the township and county
// reviewers on the registered tree, imports the village's households from a spreadsheet; the
// officer fills the 回头看 sheet, the township and the county approve it, and the county exports it.
// Runs on SQLite, and on PostgreSQL with WNBD_TEST_STORE=postgres.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentId } from '../helpers/sampleForm';
import { startTestServer, TEST_PASSWORD, type TestClient, type TestServer } from '../helpers/testServer';

let server: TestServer;
let admin: TestClient;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  admin = await server.login('admin');
});
afterAll(() => server.close());

const TAIPING = '500118113206';
const HEAD = residentId('500118', '19680315', 301);
const WIFE = residentId('500118', '19700822', 302);
const SON = residentId('500118', '20080916', 313);
const ADDRESS = '重庆市永川区双石镇太平村3组';
const HOUSEHOLD_SHEET = [
  '行政区划代码,户主姓名,户主证件号码,联系电话,家庭住址,户类型,纳入监测年月,主要返贫致贫风险,成员姓名,成员证件号码,与户主关系,性别',
  `${TAIPING},冉光明,${HEAD},13508290147,${ADDRESS},边缘易致贫户,2020-06,因大病,冉光明,${HEAD},户主,男`,
  `,,${HEAD},,,,,,龚秀芬,${WIFE},配偶,女`,
  `,,${HEAD},,,,,,冉小兵,${SON},之子,男`,
].join('\n');

async function uploadHouseholds(query: string) {
  const { status, body } = await admin.request('POST', `/api/household-import${query}`, HOUSEHOLD_SHEET, { 'Content-Type': 'text/csv' });
  return { status, body };
}

/** The child of `parent` named `name` in the official list, as the administrator's page finds it. */
async function pick(parent: string | null, name: string): Promise<string> {
  const response = await admin.get(`/api/division-catalog${parent ? `?parent=${parent}` : ''}`);
  expect(response.status).toBe(200);
  const found = response.body.items.find((d: { name: string }) => d.name === name);
  expect(found, `${name} under ${parent}`).toBeDefined();
  return found.code;
}

describe('a county starting from an empty database', () => {
  it('has no division, and refuses households in villages it does not know', async () => {
    expect((await admin.get('/api/divisions')).body.items).toEqual([]);
    const refused = await uploadHouseholds('?dryRun=1');
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain(`行政区划代码 ${TAIPING} 不在已登记的村中`);
  });

  it('registers its county from the official list, creates its users on the registered tree, imports households, fills, reviews and exports', async () => {
    const county = await pick(await pick(await pick(null, '重庆市'), '市辖区'), '永川区');
    expect(county).toBe('500118');
    const imported = await admin.post('/api/divisions/import-official', { code: county });
    expect(imported.body).toMatchObject({ code: '500118', added: 293 });
    const registered = (await admin.get('/api/divisions')).body.items as { code: string; name: string }[];
    expect(registered).toContainEqual({ code: TAIPING, name: '太平村村民委员会', parentCode: '500118113' });

    for (const [username, role, scope] of [['taiping', 'officer', TAIPING], ['shuangshi', 'reviewer', '500118113'], ['yongchuan', 'reviewer', '500118']] as const) {
      const created = await admin.post('/api/users', { username, password: TEST_PASSWORD, role, scope: [scope] });
      expect(created.status, created.text).toBe(201);
    }

    const dryRun = await uploadHouseholds('?dryRun=1');
    expect(dryRun.body).toMatchObject({ ok: true, dryRun: true, households: 1, members: 3, created: 1 });
    expect((await uploadHouseholds('')).body).toMatchObject({ ok: true, dryRun: false, created: 1 });

    const officer = await server.login('taiping');
    const households = (await officer.get('/api/households')).body.items;
    expect(households.map((h: { headName: string; divisionCode: string }) => [h.headName, h.divisionCode])).toEqual([['冉光明', TAIPING]]);
    const id = randomUUID();
    const filled = await officer.post('/api/forms/lookback/submissions', {
      id, householdId: households[0].id, campaignId: '2021-lookback', submit: true,
      data: {
        A1: ADDRESS, A2: '冉光明', A3: HEAD, A4: 3, A5: '边缘易致贫户', A6: '因大病', A7: '2020-06',
        B1: false, B2: false, B3: false, B4: true, C1: false, C2: '6000-9000元', C3: '外出务工', C4: false,
        monitors: [{ D1: '任晓东', D2: '13896512345' }], D5: '因病', D6: ['缺劳动力'],
        D7: '户主冉光明2020年5月确诊尿毒症，每周透析两次，平均每月自付医药费约800元；家庭收入主要来源是妻子在县城务工，平均每月收入约2500元。',
        D8: '健康帮扶', D9: ['综合保障', '就业帮扶'], D10: '2021-12',
      },
    });
    expect(filled.status, filled.text).toBe(201);
    expect(filled.body.status).toBe('submitted');

    const township = await server.login('shuangshi');
    const first = await township.post(`/api/submissions/${id}/review`, { decision: 'approve', revision: filled.body.revision });
    expect(first.status, first.text).toBe(200);
    const countyReviewer = await server.login('yongchuan');
    const approved = await countyReviewer.post(`/api/submissions/${id}/review`, { decision: 'approve', revision: first.body.revision });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('approved');

    const exported = await countyReviewer.get('/api/forms/lookback/export?format=csv');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('x-export-rows')).toBe('1');
    expect(exported.text).toContain('冉光明');
    expect(exported.text).toContain('太平村村民委员会');
  });
});
