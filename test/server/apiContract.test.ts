// The server's answers are what the API contract (engine/contract) says they are, at run time too:
// each key answer parses with its contract schema and loses nothing in the parse, so a field the
// server adds, drops or changes without the contract (which the client's types come from) fails here.
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition } from '@engine';
import { SessionSchema, UserListSchema, UserSchema } from '../../engine/contract/accounts';
import { PublishCheckSchema } from '../../engine/contract/admin';
import { CampaignDetailSchema, CampaignListSchema } from '../../engine/contract/campaigns';
import { DivisionListSchema } from '../../engine/contract/divisions';
import { FillDataSchema } from '../../engine/contract/fill';
import {
  CreatedFormSchema, DraftSchema, FormListSchema, FormVersionListSchema, FormVersionSchema, LatestFormSchema,
} from '../../engine/contract/forms';
import { HouseholdDetailSchema, HouseholdPageSchema, HouseholdStatesSchema } from '../../engine/contract/households';
import { DuplicatesAnswerSchema, MissingPageSchema, ProgressAnswerSchema, WarningsAnswerSchema } from '../../engine/contract/progress';
import { ApprovalsAnswerSchema, ReviewRowsPageSchema } from '../../engine/contract/review';
import { SubmissionDetailSchema, SubmissionPageSchema, SubmissionSchema } from '../../engine/contract/submissions';
import { saveDraft } from '../helpers/drafts';
import { review } from '../helpers/review';
import { sampleForm, sampleHouseholds, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { createFixture, validBody, type Fixture } from '../helpers/serverFixture';

let f: Fixture;
const form = `/api/forms/${SAMPLE_FORM_ID}`;

beforeAll(async () => {
  f = await createFixture();
});
afterAll(() => f.server.close());

/** The answer parses with the schema, and parsing it (which drops unknown fields) keeps all of it. */
function expectShape(schema: z.ZodType, response: { status: number; body: unknown; text?: string }, status = 200) {
  expect(response.status, response.text).toBe(status);
  const parsed = schema.safeParse(response.body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toStrictEqual(response.body);
}

async function submit(household: number) {
  const h = sampleHouseholds()[household]!;
  const body = { ...validBody(f.households[household]!.id, { headName: h.headName, address: h.address, members: h.members }), submit: true };
  return (household === 2 ? f.otherOfficer : f.officer).post(`${form}/submissions`, body);
}

describe('the API contract', () => {
  it('describes the officer\'s answers: a submission as written and read, the lists, households and their states', async () => {
    const created = await submit(0);
    expectShape(SubmissionSchema, created, 201);
    expectShape(SubmissionDetailSchema, await f.officer.get(`/api/submissions/${created.body.id}`));
    expectShape(SubmissionPageSchema, await f.officer.get(`${form}/submissions`));
    expectShape(HouseholdPageSchema, await f.officer.get('/api/households'));
    expectShape(HouseholdDetailSchema, await f.officer.get(`/api/households/${f.households[0]!.id}`));
    expectShape(HouseholdStatesSchema, await f.officer.get('/api/households/states'));
  });

  it('describes the reviewer\'s answers: a review, the table, a batch approval, progress and data quality', async () => {
    const s = (await submit(1)).body;
    expectShape(SubmissionSchema, await review(f.township, s.id, { decision: 'return', comment: 'A28 偏低，请核实' }));
    const again = await f.officer.put(`/api/submissions/${s.id}`, { data: s.data, submit: true, revision: s.revision + 1, explanations: s.explanations });
    expectShape(SubmissionSchema, again);
    expectShape(ReviewRowsPageSchema, await f.township.get(`${form}/review-rows`));
    expectShape(ApprovalsAnswerSchema, await f.township.post('/api/approvals', {
      items: [{ id: s.id, revision: again.body.revision }, { id: s.id, revision: again.body.revision }],
    }));
    expectShape(ProgressAnswerSchema, await f.township.get(`${form}/progress`));
    expectShape(MissingPageSchema, await f.township.get(`${form}/progress/missing`));
    expectShape(WarningsAnswerSchema, await f.township.get('/api/quality/warnings'));
    expectShape(DuplicatesAnswerSchema, await f.township.get('/api/quality/duplicates'));
  });

  it('describes who is signed in and the accounts the administrator keeps', async () => {
    expectShape(SessionSchema, await f.officer.get('/api/session'));
    expectShape(UserListSchema, await f.admin.get('/api/users'));
    const created = await f.admin.post('/api/users', { username: 'contract', password: 'Kx7-contract-pass', role: 'officer', scope: ['500118104201'], phone: '13800138000' });
    expectShape(UserSchema, created, 201);
    expectShape(UserSchema, await f.admin.patch(`/api/users/${created.body.id}`, { revision: created.body.revision, phone: null }));
  });

  it('describes the forms and campaigns a user sees, and the fill page\'s one read', async () => {
    expectShape(FormListSchema, await f.officer.get('/api/forms'));
    expectShape(LatestFormSchema, await f.officer.get(form));
    expectShape(FormVersionSchema, await f.officer.get(`${form}/versions/1`));
    expectShape(FormVersionListSchema, await f.township.get(`${form}/versions`));
    expectShape(CampaignListSchema, await f.officer.get('/api/campaigns'));
    expectShape(DivisionListSchema, await f.officer.get('/api/divisions'));
    const [s] = (await f.officer.get(`${form}/submissions`)).body.items;
    expectShape(FillDataSchema, await f.officer.get(`/api/fill?submission=${s.id}`));
    expectShape(FillDataSchema, await f.officer.get(`/api/fill?form=${SAMPLE_FORM_ID}&version=1&household=${f.households[0]!.id}`));
  });

  it('describes the administrator\'s forms, drafts and campaigns', async () => {
    const fresh: FormDefinition = { id: 'contract-form', title: '新表', schema: { type: 'object', properties: { A1: { type: 'string', title: 'A1 姓名' } } } };
    expectShape(CreatedFormSchema, await f.admin.post('/api/forms', { definition: fresh }), 201);
    expectShape(DraftSchema, await f.admin.get('/api/forms/contract-form/draft'));
    const all = await f.admin.get('/api/forms?all=1');
    expectShape(FormListSchema, all);
    expect(all.body.items.map((i: { version: number | null }) => i.version)).toContain(null);
    expectShape(CampaignListSchema, await f.admin.get('/api/campaigns'));
    expectShape(CampaignDetailSchema, await f.admin.get('/api/campaigns/test-2021'));
  });

  it('describes the administrator\'s publication check', async () => {
    expect((await saveDraft(f.admin, SAMPLE_FORM_ID, { ...sampleForm, title: `${sampleForm.title}（修订）` })).status).toBe(200);
    expectShape(PublishCheckSchema, await f.admin.post(`${form}/publish?dryRun=1`, {}));
  });
});
