// The bounds every request meets at the door (server/http/requestLimits.ts), before any handler or
// recursive walk: a JSON body nested past MAX_BODY_DEPTH is a 400 in Chinese, never a stack
// overflow, and nothing is stored; the engine's own, lower limits still answer with their issue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DATA_DEPTH, MAX_DEFINITION_DEPTH } from '../../engine/index';
import { MAX_BODY_DEPTH } from '../../server/http/requestLimits';
import { sampleForm, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { createFixture, validBody, type Fixture } from '../helpers/serverFixture';

let f: Fixture;
const submissions = `/api/forms/${SAMPLE_FORM_ID}/submissions`;

beforeAll(async () => {
  f = await createFixture();
});
afterAll(() => f.server.close());

/** A body's JSON text for a household of 石庙村 (one sheet each), with `inner` (JSON text) as its address. */
function withAddress(inner: string, household = 0): { text: string; id: string } {
  const body = validBody(f.households[household]!.id, { address: '@@' });
  return { text: JSON.stringify(body).replace('"@@"', inner), id: body.id };
}

const arrays = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
const objects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const DEPTH = { code: 'bad_request', message: `请求内容嵌套过深：超过 ${MAX_BODY_DEPTH} 层` };

describe('the nesting of a JSON body', () => {
  it.each([['lists', arrays], ['objects', objects]])('refuses data 5,000 levels deep (%s) with 400, storing nothing', async (_what, nest) => {
    const { text, id } = withAddress(nest(5000));
    const response = await f.officer.request('POST', submissions, text);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual(DEPTH);
    expect((await f.officer.get(`/api/submissions/${id}`)).status).toBe(404);
  });

  it('refuses an update and a definition as deep the same way', async () => {
    const created = withAddress('"x"');
    expect((await f.officer.request('POST', submissions, created.text)).status).toBe(201);
    const update = await f.officer.request('PUT', `/api/submissions/${created.id}`, `{"revision":1,"data":${objects(5000)}}`);
    expect(update.status).toBe(400);
    expect(update.body.error).toEqual(DEPTH);
    const draft = await f.admin.request('PUT', `/api/forms/${SAMPLE_FORM_ID}/draft`, `{"definition":${arrays(MAX_BODY_DEPTH)}}`);
    expect(draft.body.error).toEqual(DEPTH);
  });

  it('lets the engine answer what is within the door but past its own limits, with its own issue', async () => {
    const data = await f.officer.request('POST', submissions, withAddress(objects(MAX_BODY_DEPTH - 3), 1).text);
    expect(data.status).toBe(422);
    expect(data.body.error.message).toBe(`提交失败：表单数据嵌套过深：超过 ${MAX_DATA_DEPTH} 层`);
    const definition = JSON.stringify({ definition: { ...sampleForm, uiSchema: { A1: '@@' } } }).replace('"@@"', objects(MAX_DEFINITION_DEPTH + 1));
    const draft = await f.admin.request('PUT', `/api/forms/${SAMPLE_FORM_ID}/draft`, definition);
    expect(draft.status).toBe(422);
    expect(draft.body.error.message).toContain(`表单定义嵌套过深：超过 ${MAX_DEFINITION_DEPTH} 层`);
  });

  it('counts only brackets outside strings', async () => {
    const response = await f.officer.request('POST', submissions, withAddress(JSON.stringify(`${'['.repeat(5000)}"\\{`), 1).text);
    expect(response.status).toBe(201);
  });
});
