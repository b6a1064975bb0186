// Bodies that are not JSON, on routes that take JSON: a form posted by `curl -d`, text/plain, a
// multipart upload, or bytes with no Content-Type at all get a 415 in the one error shape with a
// Chinese message, anonymous (the login) or signed in; JSON with its charset stays welcome.
import { describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';
import { TEST_PASSWORD } from '../helpers/testServer';

const f = setUpFixture();

const NOT_JSON = { code: 'unsupported_media_type', message: '请求内容必须是 JSON（Content-Type: application/json）' };
const login = JSON.stringify({ username: 'cunyuan', password: TEST_PASSWORD });

/** A request as a script sends it, with no cookie: `type` null sends bytes with no Content-Type. */
async function anonymous(path: string, body: string, type: string | null) {
  const headers: Record<string, string> = type === null ? {} : { 'Content-Type': type };
  // A string body would be given text/plain by Request itself; bytes are given nothing.
  const response = await f.server.app.request(path, { method: 'POST', headers, body: new TextEncoder().encode(body) });
  return { status: response.status, body: await response.json() };
}

describe('a body that is not JSON on a JSON route', () => {
  it.each([
    ['form encoding (curl -d)', 'application/x-www-form-urlencoded', 'username=cunyuan&password=x'],
    ['text/plain', 'text/plain', login],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\ncunyuan\r\n--x--\r\n'],
    ['no Content-Type', null, login],
  ])('gets 415 at the anonymous login: %s', async (_what, type, body) => {
    const response = await anonymous('/api/session', body, type);
    expect(response.status).toBe(415);
    expect(response.body.error).toEqual(NOT_JSON);
  });

  it('gets 415 on a signed-in route, before anything is stored', async () => {
    const body = JSON.stringify(validBody(f.households[0]!.id));
    const response = await f.officer.request('POST', `/api/forms/${SAMPLE_FORM_ID}/submissions`, body, { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.body.error).toEqual(NOT_JSON);
    expect((await f.officer.get(`/api/forms/${SAMPLE_FORM_ID}/submissions`)).body.total).toBe(0);
  });

  it('is read when it is JSON with a charset', async () => {
    const response = await anonymous('/api/session', login, 'application/json; charset=utf-8');
    expect(response.status).toBe(200);
  });
});
