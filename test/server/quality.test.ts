import { beforeAll, describe, expect, it } from 'vitest';
import { residentId, sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const [zhang, wang, liu] = sampleHouseholds();
/** 李秀兰, 张德明's spouse, registered again in a household of 普安村 and in one of another township. */
const shared = zhang!.members[1]!;
const MESSAGE = 'A3 监测对象类别：人均纯收入 10000 元不低于收入线 6000 元，应为突发严重困难户';

beforeAll(async () => {
  await f.server.store.upsertDivisions([{ code: '500118106', name: '何埂镇', parentCode: '500118' }, { code: '500118106201', name: '青龙村', parentCode: '500118106' }]);
  const extra = [
    { divisionCode: '500118104202', headName: '周大福', headIdNumber: residentId('500118', '19700101', 301), members: [{ name: '周大福', idNumber: residentId('500118', '19700101', 301), relation: '户主' }, { ...shared, relation: '配偶' }] },
    { divisionCode: '500118106201', headName: '吴外镇', headIdNumber: residentId('500118', '19700101', 302), members: [{ name: '吴外镇', idNumber: residentId('500118', '19700101', 302), relation: '户主' }, { ...shared, relation: '之女' }] },
  ];
  expect((await f.admin.post('/api/households', extra)).status).toBe(200);
  const post = async (i: number, A28: number) => {
    const h = sampleHouseholds()[i]!;
    const officer = i === 2 ? f.otherOfficer : f.officer;
    const response = await officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(f.households[i]!.id, { headName: h.headName, members: h.members, A28 }), submit: true });
    expect(response.status, response.text).toBe(201);
  };
  await post(0, 30000); // 3 members: 10,000 a head, above the line, yet 脱贫不稳定户: a warning.
  await post(1, 3000);
  await post(2, 10000); // 1 member: above the line.
});

describe('GET /api/quality/warnings', () => {
  it('lists the submissions whose warnings are set, by village, each with its messages, and counts them per village', async () => {
    const response = await f.township.get(`/api/quality/warnings?form=${SAMPLE_FORM_ID}`);
    expect(response.status).toBe(200);
    expect(response.body.villages).toEqual([{ code: '500118104201', name: '高滩村', count: 1 }, { code: '500118104202', name: '普安村', count: 1 }]);
    expect(response.body.total).toBe(2);
    expect(response.body.items.map((s: { villageName: string; headName: string }) => [s.villageName, s.headName])).toEqual([['高滩村', zhang!.headName], ['普安村', liu!.headName]]);
    expect(response.body.items[0]).toMatchObject({
      formId: SAMPLE_FORM_ID, formTitle: '农户核查表（测试）', householdId: f.households[0]!.id, status: 'submitted', statusLabel: '已提交',
      warnings: [{ path: '/A3', field: 'A3', message: MESSAGE }],
    });
    expect(response.body.items.map((s: { headName: string }) => s.headName)).not.toContain(wang!.headName);
  });

  it('keeps to the scope and the division asked for', async () => {
    expect((await f.officer.get('/api/quality/warnings')).body.items.map((s: { headName: string }) => s.headName)).toEqual([zhang!.headName]);
    expect((await f.township.get('/api/quality/warnings?division=500118104202')).body).toMatchObject({ total: 1, villages: [{ name: '普安村', count: 1 }] });
    expect((await f.township.get('/api/quality/warnings?form=other-form')).body).toMatchObject({ total: 0, items: [], villages: [] });
  });
});

describe('GET /api/quality/duplicates', () => {
  it('lists an ID number registered in two households with both of them, and one outside the area by its division only', async () => {
    const response = await f.township.get('/api/quality/duplicates');
    expect(response.status).toBe(200);
    expect(response.body.villages).toEqual([{ code: '500118104201', name: '高滩村', count: 1 }, { code: '500118104202', name: '普安村', count: 1 }]);
    expect(response.body.total).toBe(1);
    const [duplicate] = response.body.items;
    expect(duplicate.idNumber).toBe(shared.idNumber);
    expect(duplicate.holders).toEqual([
      { householdId: f.households[0]!.id, divisionCode: '500118104201', villageName: '高滩村', headName: '张德明', headIdNumber: zhang!.headIdNumber, memberName: '李秀兰', relation: '配偶', inScope: true },
      { householdId: expect.any(String), divisionCode: '500118104202', villageName: '普安村', headName: '周大福', headIdNumber: residentId('500118', '19700101', 301), memberName: '李秀兰', relation: '配偶', inScope: true },
      { divisionCode: '500118106201', villageName: '青龙村', inScope: false },
    ]);
  });

  it('shows a village only its own households in full', async () => {
    const body = (await f.officer.get('/api/quality/duplicates')).body;
    expect(body.villages).toEqual([{ code: '500118104201', name: '高滩村', count: 1 }]);
    expect(body.items[0].holders.map((h: { inScope: boolean; headName?: string }) => [h.inScope, h.headName])).toEqual([[true, '张德明'], [false, undefined], [false, undefined]]);
  });

  it('answers a bad division or page with a Chinese message naming the field', async () => {
    expect((await f.township.get('/api/quality/duplicates?division=abc')).body.error.message).toMatch(/^请求字段 division 不正确/);
    expect((await f.township.get('/api/quality/duplicates?page=0')).body.error.message).toMatch(/^请求字段 page 不正确/);
  });
});
