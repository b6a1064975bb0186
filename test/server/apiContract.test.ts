// The server's answers are what the API contract (engine/contract) says they are, at run time too:
// each key answer parses with its contract schema and loses nothing in the parse, so a field the
// server adds, drops or changes without the contract (which the client's types come from) fails here.
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishCheckSchema } from '../../engine/contract/admin';
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

  it('describes the administrator\'s publication check', async () => {
    expect((await saveDraft(f.admin, SAMPLE_FORM_ID, { ...sampleForm, title: `${sampleForm.title}（修订）` })).status).toBe(200);
    expectShape(PublishCheckSchema, await f.admin.post(`${form}/publish?dryRun=1`, {}));
  });
});
