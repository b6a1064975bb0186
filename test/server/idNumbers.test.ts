// ID numbers through HTTP: a lower-case final x is stored as X whether it comes with a household
// (POST /api/households), in a submission, or in a search; the residence permits of Hong Kong,
// Macao and Taiwan residents (81, 82, 83) are accepted as members' ID numbers. The numbers are
// the published ones (GB 11643's example, the 2018 specimens of the residence permits).
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
let householdId: string;
const path = `/api/forms/${SAMPLE_FORM_ID}/submissions`;

const HEAD = '11010519491231002X';
const HONG_KONG_PERMIT = '810000199408230021';
const MACAO_PERMIT = '820000200009100032';
const TAIWAN_PERMIT = '830000199201300022';

beforeAll(async () => {
  const response = await f.admin.post('/api/households', [{
    divisionCode: '500118104201', headName: '周建业', headIdNumber: '11010519491231002x', kind: '一般农户',
    members: [
      { name: '周建业', idNumber: ' 11010519491231002x ', relation: '户主' },
      { name: '林秀英', idNumber: TAIWAN_PERMIT, relation: '配偶' },
      { name: '陈家豪', idNumber: HONG_KONG_PERMIT, relation: '其他' },
      { name: '何嘉欣', idNumber: MACAO_PERMIT, relation: '其他' },
    ],
  }]);
  expect(response.status).toBe(200);
  householdId = response.body.ids[0];
});

describe('POST /api/households', () => {
  it('stores a head and a member typed with a lower-case x as X, and takes 81, 82 and 83 numbers', async () => {
    const household = (await f.admin.get(`/api/households/${householdId}`)).body;
    expect(household.headIdNumber).toBe(HEAD);
    expect(household.members.map((m: { idNumber: string }) => m.idNumber)).toEqual([HEAD, TAIWAN_PERMIT, HONG_KONG_PERMIT, MACAO_PERMIT]);
  });

  it('matches the same head typed with X again, instead of adding the household twice', async () => {
    const again = await f.admin.post('/api/households?dryRun=1', [{ divisionCode: '500118104201', headName: '周建业', headIdNumber: HEAD, members: [] }]);
    expect(again.body).toMatchObject({ created: 0, updated: 1 });
  });

  it('still refuses an X that is not the check digit, naming the row and the digit', async () => {
    const response = await f.admin.post('/api/households', [{ divisionCode: '500118104201', headName: '林志明', headIdNumber: '83000019920130002x', members: [] }]);
    expect(response.status).toBe(422);
    expect(response.body.error.details.rows).toEqual([{ row: 1, field: 'headIdNumber', message: '户主证件号码校验位错误（第 18 位应为 2）' }]);
  });
});

describe('GET /api/households?q=', () => {
  it('finds the household by the head\'s number typed with a lower-case x', async () => {
    const found = (await f.officer.get('/api/households?q=11010519491231002x')).body;
    expect(found.items.map((h: { headName: string }) => h.headName)).toEqual(['周建业']);
  });
});

describe('submissions', () => {
  const members = [
    { name: '周建业', idNumber: '11010519491231002x', relation: '户主' },
    { name: '林秀英', idNumber: TAIWAN_PERMIT, relation: '配偶' },
  ];

  it('stores a member\'s lower-case x as X and takes a 台湾居民居住证 number', async () => {
    const body = validBody(householdId, { headName: '周建业', address: undefined, members });
    const response = await f.officer.post(path, body);
    expect(response.status).toBe(201);
    expect(response.body.errors).toEqual([]);
    expect(response.body.data.members.map((m: { idNumber: string }) => m.idNumber)).toEqual([HEAD, TAIWAN_PERMIT]);
    const listed = (await f.officer.get(`${path}?q=11010519491231002x`)).body.items;
    expect(listed.map((s: { id: string }) => s.id)).toEqual([body.id]);
  });

  it('refuses to submit an X that is not the check digit (422), naming the member row and the digit', async () => {
    const body = { ...validBody(f.households[2]!.id, { members: [{ name: '林秀英', idNumber: '83000019920130002x' }] }), submit: true };
    const response = await f.otherOfficer.post(path, body);
    expect(response.status).toBe(422);
    expect(response.body.error.details.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toEqual([
      ['/members/0/idNumber', '家庭成员第 1 行：证件号码：校验位错误（第 18 位应为 2）'],
    ]);
  });
});
