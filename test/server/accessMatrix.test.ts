// Every route of the registry, forms, submissions, review and export, asked by every kind of
// user: no session, the village officer whose village it is, an officer of another village,
// the township and county reviewers above it, and an administrator. Out of scope is answered as
// if the record did not exist (404); a role that may not act is 403; no session is 401.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID, sampleForm } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import { TestClient } from '../helpers/testServer';

type Actor = 'anonymous' | 'officer' | 'otherOfficer' | 'township' | 'county' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'officer', 'otherOfficer', 'township', 'county', 'admin'];

const f = setUpFixture();
let clients: Record<Actor, TestClient>;
/** A household of 高滩村 (the officer's village), and a submission of it waiting on the township. */
let householdId: string;
let submittedId: string;
let draftId: string;

beforeAll(async () => {
  clients = {
    anonymous: new TestClient(f.server.app), officer: f.officer, otherOfficer: f.otherOfficer,
    township: f.township, county: f.county, admin: f.admin,
  };
  householdId = f.households[0]!.id;
  const submitted = { ...validBody(householdId), submit: true };
  expect((await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, submitted)).status).toBe(201);
  submittedId = submitted.id;
  const draft = validBody(f.households[1]!.id);
  expect((await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, draft)).status).toBe(201);
  draftId = draft.id;
});

interface Case {
  route: string;
  call: (client: TestClient) => Promise<{ status: number }>;
  expect: Record<Actor, number | number[]>;
}

const everyoneSignedIn = (ok: number) => ({ anonymous: 401, officer: ok, otherOfficer: ok, township: ok, county: ok, admin: ok });
const adminOnly = (ok: number | number[]) => ({ anonymous: 401, officer: 403, otherOfficer: 403, township: 403, county: 403, admin: ok });

const cases: Case[] = [
  { route: 'GET /api/session', call: (c) => c.get('/api/session'), expect: everyoneSignedIn(200) },
  { route: 'GET /api/divisions', call: (c) => c.get('/api/divisions'), expect: everyoneSignedIn(200) },
  { route: 'GET /api/campaigns', call: (c) => c.get('/api/campaigns'), expect: everyoneSignedIn(200) },
  { route: 'GET /api/forms', call: (c) => c.get('/api/forms'), expect: everyoneSignedIn(200) },
  { route: 'GET /api/forms/:id', call: (c) => c.get(`/api/forms/${SAMPLE_FORM_ID}`), expect: everyoneSignedIn(200) },
  { route: 'GET /api/forms/:id/versions/:n', call: (c) => c.get(`/api/forms/${SAMPLE_FORM_ID}/versions/1`), expect: everyoneSignedIn(200) },
  { route: 'GET /api/forms/:id/draft', call: (c) => c.get(`/api/forms/${SAMPLE_FORM_ID}/draft`), expect: adminOnly(200) },
  {
    route: 'POST /api/forms',
    call: (c) => c.post('/api/forms', { definition: { ...sampleForm, id: `matrix-${randomUUID().slice(0, 8)}` } }),
    expect: adminOnly(201),
  },
  {
    route: 'PUT /api/forms/:id/draft',
    call: async (c) => c.put(`/api/forms/${SAMPLE_FORM_ID}/draft`, { definition: sampleForm, revision: (await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body.revision }),
    expect: adminOnly(200),
  },
  { route: 'GET /api/users', call: (c) => c.get('/api/users'), expect: adminOnly(200) },
  {
    route: 'POST /api/users',
    call: (c) => c.post('/api/users', { username: `u${randomUUID().slice(0, 8)}`, password: 'long-enough-1', role: 'officer', scope: ['500118104201'] }),
    expect: adminOnly(201),
  },
  { route: 'POST /api/households?dryRun=1', call: (c) => c.post('/api/households?dryRun=1', [{ divisionCode: '500118104201', headName: '测试', headIdNumber: '11010519491231002X' }]), expect: adminOnly(200) },
  { route: 'GET /api/households', call: (c) => c.get('/api/households'), expect: everyoneSignedIn(200) },
  { route: 'GET /api/households/states', call: (c) => c.get('/api/households/states'), expect: everyoneSignedIn(200) },
  {
    route: 'GET /api/households/:id',
    call: (c) => c.get(`/api/households/${householdId}`),
    expect: { anonymous: 401, officer: 200, otherOfficer: 404, township: 200, county: 200, admin: 200 },
  },
  {
    route: 'POST /api/forms/:id/submissions',
    call: (c) => c.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, { ...validBody(f.households[0]!.id), id: randomUUID() }),
    // The household has its one submission already: those who may fill it are told so (409).
    expect: { anonymous: 401, officer: 409, otherOfficer: 404, township: 403, county: 403, admin: 409 },
  },
  {
    route: 'GET /api/submissions/:id',
    call: (c) => c.get(`/api/submissions/${submittedId}`),
    expect: { anonymous: 401, officer: 200, otherOfficer: 404, township: 200, county: 200, admin: 200 },
  },
  {
    route: 'PUT /api/submissions/:id',
    call: async (c) => {
      const current = await f.officer.get(`/api/submissions/${draftId}`);
      return c.put(`/api/submissions/${draftId}`, { data: current.body.data, revision: current.body.revision });
    },
    expect: { anonymous: 401, officer: 200, otherOfficer: 404, township: 403, county: 403, admin: 200 },
  },
  {
    route: 'POST /api/submissions/:id/review (waiting on the township)',
    call: async (c) => c.post(`/api/submissions/${submittedId}/review`, {
      decision: 'return', comment: '请核实', revision: (await f.admin.get(`/api/submissions/${submittedId}`)).body.revision,
    }),
    // Returned once by the township; afterwards it is no longer submitted (409) for those who may review.
    expect: { anonymous: 401, officer: 403, otherOfficer: 403, township: [200, 409], county: [403, 409], admin: [200, 409] },
  },
  { route: 'GET /api/forms/:id/submissions', call: (c) => c.get(`/api/forms/${SAMPLE_FORM_ID}/submissions`), expect: everyoneSignedIn(200) },
  { route: 'GET /api/forms/:id/export', call: (c) => c.get(`/api/forms/${SAMPLE_FORM_ID}/export?format=csv`), expect: everyoneSignedIn(200) },
  { route: 'GET /api/division-catalog', call: (c) => c.get('/api/division-catalog?parent=500118'), expect: adminOnly(200) },
  { route: 'POST /api/divisions/import-official', call: (c) => c.post('/api/divisions/import-official', { code: '500118113' }), expect: adminOnly(200) },
  { route: 'GET /api/divisions/household-counts', call: (c) => c.get('/api/divisions/household-counts'), expect: everyoneSignedIn(200) },
  { route: 'GET /api/divisions/changes', call: (c) => c.get('/api/divisions/changes'), expect: adminOnly(200) },
  { route: 'GET /api/divisions/adjustments/sheet', call: (c) => c.get('/api/divisions/adjustments/sheet?format=csv'), expect: adminOnly(200) },
  { route: 'DELETE /api/divisions/:code (not registered)', call: (c) => c.delete('/api/divisions/500118999'), expect: adminOnly(404) },
];

describe('who may call what', () => {
  for (const c of cases) {
    it(`answers ${c.route} for each kind of user`, async () => {
      const got: Record<string, number> = {};
      for (const actor of ACTORS) got[actor] = (await c.call(clients[actor])).status;
      for (const actor of ACTORS) {
        const want = c.expect[actor];
        expect(Array.isArray(want) ? want : [want], `${c.route} as ${actor}: got ${got[actor]}`).toContain(got[actor]);
      }
    });
  }

  it('lists and exports only what the user\'s area covers', async () => {
    const count = async (client: TestClient) => (await client.get(`/api/forms/${SAMPLE_FORM_ID}/submissions?pageSize=200`)).body.total as number;
    expect(await count(f.otherOfficer)).toBe(0);
    expect(await count(f.officer)).toBe(2);
    expect(await count(f.township)).toBe(2);
    const exported = await f.otherOfficer.get(`/api/forms/${SAMPLE_FORM_ID}/export?format=csv`);
    expect(exported.headers.get('x-export-rows')).toBe('0');
    const households = await f.otherOfficer.get('/api/households?pageSize=200');
    expect(households.body.items.every((h: { divisionCode: string }) => h.divisionCode === '500118104202')).toBe(true);
  });
});
