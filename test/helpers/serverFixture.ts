// A server set up as a county would have it: divisions of 临江镇, the sample form published in an
// open campaign, households imported, and an officer per village, a township and a county
// reviewer. Each test file builds its own on a fresh database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { sampleForm, sampleHouseholds, SAMPLE_FORM_ID } from './sampleForm';
import { ok } from './testClient';
import { startTestServer, type TestClient, type TestServer, type TestServerOptions } from './testServer';
import { publishDraft } from './drafts';

export interface Fixture {
  server: TestServer;
  admin: TestClient;
  officer: TestClient;
  otherOfficer: TestClient;
  township: TestClient;
  county: TestClient;
  households: { id: string; headName: string; divisionCode: string }[];
}

export const DIVISIONS = [
  { code: '500118', name: '永川区（演示）', parentCode: null },
  { code: '500118104', name: '临江镇', parentCode: '500118' },
  { code: '500118104201', name: '高滩村', parentCode: '500118104' },
  { code: '500118104202', name: '普安村', parentCode: '500118104' },
];

export async function createFixture(options: TestServerOptions = {}): Promise<Fixture> {
  const server = await startTestServer(options);
  await server.store.upsertDivisions(DIVISIONS);
  await server.store.createCampaign({
    id: 'test-2021', title: '2021年度（测试）', year: 2021, description: '', parameters: { incomeLine: 6000 },
    forms: [SAMPLE_FORM_ID], status: 'open', divisions: [], createdAt: server.clock.now().toISOString(),
  });
  await server.addUser('cunyuan', 'officer', ['500118104201']);
  await server.addUser('puan', 'officer', ['500118104202']);
  await server.addUser('xiangzhen', 'reviewer', ['500118104']);
  await server.addUser('quxian', 'reviewer', ['500118']);
  const admin = await server.login('admin');
  await ok(admin.post(`/api/forms`, { definition: sampleForm }), 201);
  await publishDraft(admin, SAMPLE_FORM_ID);
  const imported = await ok(admin.post('/api/households', sampleHouseholds()), 200);
  const households = sampleHouseholds().map((h, i) => ({ id: imported.ids[i] as string, headName: h.headName, divisionCode: h.divisionCode }));
  return {
    server, admin, households,
    officer: await server.login('cunyuan'),
    otherOfficer: await server.login('puan'),
    township: await server.login('xiangzhen'),
    county: await server.login('quxian'),
  };
}

/**
 * The test file's fixture: built in its beforeAll (a `beforeAll` written after the call runs once
 * it is built), closed in its afterAll. Read its fields inside tests and hooks, not at load.
 */
export function setUpFixture(options: TestServerOptions = {}): Fixture {
  let fixture: Fixture | undefined;
  beforeAll(async () => {
    fixture = await createFixture(options);
  });
  afterAll(() => fixture?.server.close());
  const built = () => {
    if (!fixture) throw new Error('the fixture is built in beforeAll: read it inside a test or hook');
    return fixture;
  };
  return new Proxy({} as Fixture, {
    get: (_, key) => built()[key as keyof Fixture],
    set: (_, key, value) => Reflect.set(built(), key, value),
  });
}

/**
 * A complete, valid submission body for the first household of 高滩村, with the officer's
 * explanation of the sample form's warning (kept only when the warning holds).
 */
export function validBody(householdId: string, overrides: Record<string, unknown> = {}) {
  const [zhang] = sampleHouseholds();
  return {
    id: randomUUID(),
    householdId,
    submit: false,
    explanations: { 'kind-line': '已入户核实' },
    data: {
      headName: zhang!.headName, address: zhang!.address, A1: false, A3: '脱贫不稳定户', A28: 12000,
      members: zhang!.members.map((m) => ({ name: m.name, idNumber: m.idNumber, relation: m.relation })),
      ...overrides,
    },
  };
}
