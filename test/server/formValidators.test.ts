import { describe, expect, it } from 'vitest';
import { evaluate, precompiledForm, evaluateCompiled, fullValidatorRequire, type FormDefinition, type FormValidators } from '@engine';
import { saveDraft } from '../helpers/drafts';
import { sampleForm, SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture } from '../helpers/serverFixture';
import { TestClient } from '../helpers/testServer';
import { createApp } from '../../server/app';
import { FormVersions } from '../../server/forms/FormVersions';

const f = setUpFixture();

/** Imports a served module as the browser does (a module of its own, no eval) and calls it with the engine's runtime. */
async function load(code: string): Promise<{ form: FormValidators['form']; rjsf: Record<string, unknown> }> {
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return module.default(fullValidatorRequire);
}

describe('precompiled validators of a published version', () => {
  it('are served as a JavaScript module, kept for good, that validates exactly as the server does', async () => {
    const response = await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}/versions/1/validators.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toMatch(/immutable/);
    const validators = await load(response.text);
    expect(Object.keys(validators.rjsf).length).toBeGreaterThan(0);
    const definition = (await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}/versions/1`)).body.definition as FormDefinition;
    const form = precompiledForm(definition, validators);
    for (const data of [{ A28: -5, A1: 'x', headName: 7 }, { headName: '张', A28: 1200 }, {}]) {
      expect(evaluateCompiled(form, data, { params: { incomeLine: 6000 } })).toEqual(evaluate(sampleForm, data, { params: { incomeLine: 6000 } }));
    }
  });

  it('are the same module on every request (generated once per version)', async () => {
    const first = await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}/versions/1/validators.js`);
    const second = await f.township.get(`/api/forms/${SAMPLE_FORM_ID}/versions/1/validators.js`);
    expect(second.text).toBe(first.text);
  });

  it('answer 404 for a version that does not exist and 401 without a session', async () => {
    const missing = await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}/versions/99/validators.js`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/第 99 版不存在/);
    expect((await f.server.app.request(`/api/forms/${SAMPLE_FORM_ID}/versions/1/validators.js`)).status).toBe(401);
  });

  it('are documented in the OpenAPI description', async () => {
    const paths = (await f.officer.get('/api/openapi.json')).body.paths;
    expect(paths['/api/forms/{formId}/versions/{version}/validators.js'].get.responses['200'].content).toHaveProperty('text/javascript');
    expect(paths['/api/forms/{formId}/draft/validators'].post).toBeDefined();
  });
});

describe('precompiled validators of a draft (the form builder\'s preview)', () => {
  it('are generated for a posted schema and served at the address returned', async () => {
    const schema = { ...sampleForm.schema, properties: { ...sampleForm.schema.properties as object, A29: { type: 'number', minimum: 0, title: 'A29 生产经营性收入（元）' } } };
    const posted = await f.admin.post(`/api/forms/${SAMPLE_FORM_ID}/draft/validators`, { schema });
    expect(posted.status).toBe(200);
    const served = await f.admin.get(posted.body.url);
    expect(served.status).toBe(200);
    const validators = await load(served.text);
    expect(validators.form({ A29: -1 })).toBe(false);
    expect(validators.form.errors).toContainEqual(expect.objectContaining({ instancePath: '/A29', keyword: 'minimum' }));
  });

  it('refuse a schema ajv does not compile with a 422 naming /schema', async () => {
    const posted = await f.admin.post(`/api/forms/${SAMPLE_FORM_ID}/draft/validators`, { schema: { type: 'object', properties: { A1: { type: 'string', minLenght: 2 } } } });
    expect(posted.status).toBe(422);
    expect(posted.body.error.details.problems).toEqual([expect.objectContaining({ path: '/schema', message: expect.stringMatching(/JSON Schema 无效.*minLenght/) })]);
  });

  it('answer a schema that cannot be generated (too deep, an unresolvable reference, a bad pattern) with a 4xx, never a 5xx', async () => {
    const deep = `${'{"type":"object","properties":{"a":'.repeat(3000)}{"type":"string"}${'}}'.repeat(3000)}`;
    const schemas = [deep, JSON.stringify({ type: 'object', properties: { a: { $ref: '#/nope' } } }), JSON.stringify({ type: 'object', properties: { a: { type: 'string', pattern: '(' } } })];
    for (const schema of schemas) {
      const posted = await f.admin.post(`/api/forms/${SAMPLE_FORM_ID}/draft/validators`, `{"schema":${schema}}`);
      expect(posted.status).toBeGreaterThanOrEqual(400);
      expect(posted.status).toBeLessThan(500);
      expect(posted.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('are served by another server on the same database when the schema is the saved draft\'s, and not found there otherwise', async () => {
    const other = new TestClient(createApp({ ...f.server.deps, forms: new FormVersions(f.server.store) }));
    other.cookie = f.admin.cookie;
    other.csrf = f.admin.csrf;
    const draft = structuredClone(sampleForm);
    draft.schema.properties = { ...draft.schema.properties as object, A30: { type: 'number', minimum: 0, title: 'A30 转移性收入（元）' } };
    expect((await saveDraft(f.admin, SAMPLE_FORM_ID, draft)).status).toBe(200);
    const saved = await f.admin.post(`/api/forms/${SAMPLE_FORM_ID}/draft/validators`, { schema: draft.schema });
    const served = await other.get(saved.body.url);
    expect(served.status).toBe(200);
    expect((await load(served.text)).form({ A30: -1 })).toBe(false);
    const unsaved = await f.admin.post(`/api/forms/${SAMPLE_FORM_ID}/draft/validators`, { schema: { ...draft.schema, title: '未保存' } });
    expect((await other.get(unsaved.body.url)).status).toBe(404);
  });

  it('are for administrators only, and a hash never posted is not found', async () => {
    expect((await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/draft/validators`, { schema: sampleForm.schema })).status).toBe(403);
    expect((await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft/validators/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await f.admin.get(`/api/forms/${SAMPLE_FORM_ID}/draft/validators/not-a-hash`)).status).toBe(400);
  });
});

describe('a served module of a form with a pattern', () => {
  const schema = { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } };

  it('names re2js, which a page loads only then, and runs the pattern in linear time in both validators', async () => {
    const { validatorModule } = await import('../../server/forms/validatorModule');
    const { validatorRequire } = await import('@engine');
    const code = validatorModule(schema, 'pattern');
    const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    expect(module.requires).toContain('re2js');
    // Checked before running it: JavaScript's engine would hang this test rather than fail it.
    expect(code).not.toMatch(/new RegExp|\/\^\(a\+\)\+\$\//);
    // Without re2js loaded the module cannot run: the page must load it first.
    expect(() => module.default(validatorRequire)).toThrow(/re2js/);
    const validators = module.default(fullValidatorRequire);
    // 60 a's and a '!': days of backtracking for JavaScript's own engine, nothing for RE2.
    const hostile = `${'a'.repeat(60)}!`;
    expect(validators.form({ code: hostile })).toBe(false);
    expect(validators.form({ code: 'aaaa' })).toBe(true);
    const rjsfValidators = Object.values(validators.rjsf) as ((data: unknown) => boolean)[];
    expect(rjsfValidators.some((validate) => validate({ code: hostile }) === false)).toBe(true);
  });

  it('names no lazy helper for a form without a pattern', async () => {
    const response = await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}/versions/1/validators.js`);
    const module = await import(`data:text/javascript;base64,${Buffer.from(response.text).toString('base64')}`);
    expect(module.requires).not.toContain('re2js');
  });
});
