// The bounds every request meets at the door (server/http/requestLimits.ts), before any handler or
// recursive walk: a JSON body nested past MAX_BODY_DEPTH is a 400 in Chinese, never a stack
// overflow, and nothing is stored; the engine's own, lower limits still answer with their issue.
import { describe, expect, it } from 'vitest';
import { MAX_DATA_DEPTH, MAX_DEFINITION_DEPTH } from '@engine';
import { MAX_BODY_DEPTH } from '../../server/http/requestLimits';
import { sampleForm, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const submissions = `/api/forms/${SAMPLE_FORM_ID}/submissions`;

/** A body's JSON text for a household (one sheet each), with `inner` (JSON text) as its address. */
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
    const { revision } = (await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft`)).body;
    const definition = JSON.stringify({ definition: { ...sampleForm, uiSchema: { A1: '@@' } }, revision }).replace('"@@"', objects(MAX_DEFINITION_DEPTH + 1));
    const draft = await f.admin.request('PUT', `/api/forms/${SAMPLE_FORM_ID}/draft`, definition);
    expect(draft.status).toBe(422);
    expect(draft.body.error.message).toContain(`表单定义嵌套过深：超过 ${MAX_DEFINITION_DEPTH} 层`);
  });

  it('counts only brackets outside strings', async () => {
    const response = await f.officer.request('POST', submissions, withAddress(JSON.stringify(`${'['.repeat(5000)}"\\{`), 1).text);
    expect(response.status).toBe(201);
  });
});

interface Operation {
  parameters?: { name: string; in: 'path' | 'query' }[];
  requestBody?: { content: Record<string, unknown> };
}

/** Every route and method the server documents, with a path whose ids are filled in by `fill`. */
async function documentedRoutes(): Promise<{ method: string; path: (fill: (name: string) => string) => string; operation: Operation }[]> {
  const doc = (await f.admin.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths).flatMap(([template, methods]) => Object.entries(methods).map(([method, operation]) => ({
    method: method.toUpperCase(), operation,
    path: (fill: (name: string) => string) => `${template.replace(/\{(\w+)\}/g, (_, name: string) => fill(name))}`,
  })));
}

describe('control characters and lengths in the path and the query', () => {
  it('refuses NUL in any path id of every documented route with 400, as an administrator', async () => {
    const routes = (await documentedRoutes()).filter((r) => r.operation.parameters?.some((p) => p.in === 'path'));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const response = await f.admin.request(route.method, route.path(() => 'a%00b'), route.operation.requestBody ? {} : undefined);
      expect(response.status, `${route.method} ${route.path((n) => `{${n}}`)}`).toBe(400);
      expect(response.body.error.message).toBe('请求路径含有不允许的控制字符（如 %00），请检查后重试');
    }
  });

  it('refuses NUL or another control character in any query value of every documented route with 400 naming it', async () => {
    const routes = (await documentedRoutes()).filter((r) => r.operation.parameters?.some((p) => p.in === 'query'));
    expect(routes.length).toBeGreaterThan(8);
    for (const route of routes) {
      for (const name of route.operation.parameters!.filter((p) => p.in === 'query').map((p) => p.name)) {
        for (const bad of ['%00', 'x%1Fy', '%7F']) {
          const path = `${route.path(() => SAMPLE_FORM_ID)}?${name}=${bad}`;
          const response = await f.admin.request(route.method, path, route.operation.requestBody ? {} : undefined);
          expect(response.status, `${route.method} ${path}`).toBe(400);
          expect(response.body.error.message).toBe(`请求参数 ${name} 含有不允许的控制字符（如 %00），请检查后重试`);
        }
      }
    }
  });

  it('refuses a query value or a path segment over 1,000 characters, and keeps serving what is within', async () => {
    const long = await f.officer.get(`/api/households?q=${'张'.repeat(1001)}`);
    expect(long.status).toBe(400);
    expect(long.body.error.message).toBe('请求参数 q 过长：超过 1000 个字符');
    const id = await f.officer.get(`/api/households/${'a'.repeat(1001)}`);
    expect(id.status).toBe(400);
    expect(id.body.error.message).toBe('请求路径过长：超过 1000 个字符');
    expect((await f.officer.get(`/api/households?q=${encodeURIComponent('张\t')}`)).status).toBe(400);
    expect((await f.officer.get('/api/households?q=%E5%BC%A0%20')).status).toBe(200);
  });
});

describe('characters no store can hold, in a JSON body', () => {
  it.each([
    ['an escaped NUL', '"a\\u0000b"'],
    ['an escaped NUL in a key', '{"\\u0000":1}'],
    ['a lone high surrogate', '"\\ud800"'],
    ['a lone high surrogate before the closing quote', '"\\uD83D"'],
    ['a lone low surrogate', '"x\\udc00"'],
    ['two high surrogates', '"\\ud800\\ud800\\udc00"'],
    ['a lone surrogate in a key', '{"\\udfff":1}'],
  ])('refuses %s with 400, storing nothing', async (_what, inner) => {
    // The last household without a sheet, in 普安村.
    const { text, id } = withAddress(inner, 2);
    const response = await f.otherOfficer.request('POST', submissions, text);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^请求内容含有不允许的空字符|^请求内容含有不成对的代理字符/);
    expect((await f.otherOfficer.get(`/api/submissions/${id}`)).status).toBe(404);
  });

  it('screens a body whatever the case of its Content-Type', async () => {
    const { text } = withAddress('"a\\u0000b"', 2);
    const response = await f.otherOfficer.request('POST', submissions, text, { 'Content-Type': 'Application/JSON' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('请求内容含有不允许的空字符（\\u0000），请删除后重试');
  });

  it('keeps a surrogate pair (an emoji), escaped or not, and an escaped backslash before u0000', async () => {
    const { text, id } = withAddress('"\\ud83d\\ude00 😀 \\\\u0000 \\\\ud800"', 2);
    expect((await f.otherOfficer.request('POST', submissions, text)).status).toBe(201);
    expect((await f.otherOfficer.get(`/api/submissions/${id}`)).body.data.address).toBe('😀 😀 \\u0000 \\ud800');
  });
});
