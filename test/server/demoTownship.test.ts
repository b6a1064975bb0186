// A newcomer's first start: the demo township is there, its officers and reviewers can log in
// and see their own area, and every kind of household can fill the forms expected of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, explainIdOrDisabilityCertificate, HOUSEHOLD_KINDS, prefillData, type FormDefinition } from '@engine';
import { OfficialDivisions } from '../../server/divisions/officialDivisions';
import { loadCampaign, loadForm } from '../helpers/forms';
import { startTestServer, type TestServer } from '../helpers/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
});
afterAll(() => server.close());

describe('the demo township', () => {
  it('lets a village officer log in and see only the village\'s households', async () => {
    const officer = await server.login('gaotan');
    const list = await officer.get('/api/households?pageSize=200');
    expect(list.body.total).toBe(8);
    expect(new Set(list.body.items.map((h: { divisionCode: string }) => h.divisionCode))).toEqual(new Set(['500118104201']));
    const divisions = (await officer.get('/api/divisions')).body.items.map((d: { name: string }) => d.name);
    expect(divisions).toEqual(expect.arrayContaining(['临江镇', '高滩村村民委员会']));
    expect(divisions).not.toContain('普安村村民委员会');
  });

  it('registers 临江镇 as the official list has it: the same codes and names, every village', async () => {
    const admin = await server.login('admin');
    const registered = (await admin.get('/api/divisions')).body.items;
    expect(registered).toEqual(new OfficialDivisions().branch('500118104'));
    expect(registered).toHaveLength(3 + 1 + 11);
    const addresses = (await admin.get('/api/households?pageSize=200')).body.items.map((h: { address: string }) => h.address.replace(/\d+组$/, ''));
    expect(new Set(addresses)).toEqual(new Set(['重庆市永川区临江镇高滩村', '重庆市永川区临江镇普安村', '重庆市永川区临江镇九龙村']));
  });

  it('lets the township reviewer see all three villages, with households of every kind', async () => {
    const reviewer = await server.login('linjiang');
    const list = await reviewer.get('/api/households?pageSize=200');
    expect(list.body.total).toBe(24);
    expect(new Set(list.body.items.map((h: { kind: string }) => h.kind))).toEqual(new Set(HOUSEHOLD_KINDS));
    const monitored = await reviewer.get(`/api/households?kind=${encodeURIComponent('监测户')}&pageSize=200`);
    expect(monitored.body.total).toBe(15);
  });

  it('registers members with valid ID numbers, and one person in two households for the data cleaning to find', async () => {
    const reviewer = await server.login('yongchuan');
    const ids = new Map<string, number>();
    for (const page of [1]) {
      const list = await reviewer.get(`/api/households?pageSize=200&page=${page}`);
      for (const h of list.body.items as { members: { idNumber: string }[] }[]) {
        for (const m of h.members) {
          expect(explainIdOrDisabilityCertificate(m.idNumber)).toBeNull();
          ids.set(m.idNumber, (ids.get(m.idNumber) ?? 0) + 1);
        }
      }
    }
    expect([...ids.values()].filter((n) => n > 1)).toHaveLength(1);
  });

  it('pre-fills each form expected of a household with values the form accepts', async () => {
    const admin = await server.login('admin');
    const households = (await admin.get('/api/households?pageSize=200')).body.items as ({ id: string; kind: string })[];
    const forms: [string, string][] = [['lookback', '2021-lookback'], ['monitoring-object', '2021'], ['income-ledger', '2021'], ['policy-exit', '2023']];
    for (const [formId, campaign] of forms) {
      const definition: FormDefinition = loadForm(formId);
      const expected = households.filter((h) => definition.appliesTo?.kinds.includes(h.kind as never));
      expect(expected.length, formId).toBeGreaterThan(0);
      for (const h of expected) {
        const household = (await admin.get(`/api/households/${h.id}`)).body;
        const result = evaluate(definition, prefillData(definition, household), { params: loadCampaign(campaign).parameters, household });
        const prefilledFieldErrors = result.errors.filter((e) => (definition.registry?.prefill ?? []).some((p) => e.path === `/${p.field}` || e.path.startsWith(`/${p.field}/`)) && e.code !== 'required');
        expect(prefilledFieldErrors, `${formId} for ${household.headName}`).toEqual([]);
      }
    }
  });

  it('is seeded once: a restart adds nothing', async () => {
    server = await server.restart();
    const reviewer = await server.login('linjiang');
    expect((await reviewer.get('/api/households?pageSize=200')).body.total).toBe(24);
  });
});
