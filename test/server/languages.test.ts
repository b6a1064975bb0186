// The server in the language the client asks (issue 18): a refused submission's 422 in English
// when the request says Accept-Language: en, naming fields by the form's English labels; an
// export with ?lang=en has English headers and option labels. Chinese stays the default.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCsvAsSpreadsheet } from '../helpers/openCsvAsSpreadsheet';
import { startTestServer, type TestClient, type TestServer } from '../helpers/testServer';

let server: TestServer;
let officer: TestClient;
let county: TestClient;
let householdId: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  officer = await server.login('gaotan');
  await server.addUser('quxian', 'reviewer', ['500118']);
  county = await server.login('quxian');
  householdId = (await officer.get('/api/households?pageSize=1&division=500118104201')).body.items[0].id;
});
afterAll(() => server.close());

const PATH = '/api/forms/member-additions/submissions';

/** A new member with the seed case's ID (530925199810090468, a woman) but no name. */
const body = (submit: boolean) => ({
  id: randomUUID(), householdId, campaignId: '2021', submit,
  data: { members: [{ A2: '女', A3: '居民身份证', A4: '530925199810090468', A5: '之儿媳', addReason: '2', A15: true }] },
});

describe('a refused submission in the language asked', () => {
  it('answers 422 in English for Accept-Language: en, with the form’s English labels', async () => {
    const response = await officer.request('POST', PATH, body(true), { 'Accept-Language': 'en-GB,en;q=0.9' });
    expect(response.status).toBe(422);
    const messages = response.body.error.details.errors.map((e: { path: string; message: string }) => [e.path, e.message]);
    expect(messages).toContainEqual(['/members/0/A1', 'Added members row 1: A1 Name: is required']);
    expect(response.body.error.message).toMatch(/^Not accepted: \d+ problems, the first: /);
  });

  it('answers in Chinese without the header, and for a Chinese browser', async () => {
    for (const headers of [{}, { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' }] as Record<string, string>[]) {
      const response = await officer.request('POST', PATH, body(true), headers);
      expect(response.status).toBe(422);
      const messages = response.body.error.details.errors.map((e: { path: string; message: string }) => [e.path, e.message]);
      expect(messages).toContainEqual(['/members/0/A1', '增加的家庭成员第 1 行：A1 姓名为必填项']);
    }
  });

  it('stores a draft in Chinese whatever the language asked: reviewers read the same issues', async () => {
    const draft = body(false);
    const response = await officer.request('POST', PATH, draft, { 'Accept-Language': 'en' });
    expect(response.status).toBe(201);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ path: '/members/0/A1', message: '增加的家庭成员第 1 行：A1 姓名为必填项' }));
  });
});

describe('an export in the language asked', () => {
  const csv = async (query: string) => {
    const response = await county.fetch('GET', `/api/forms/member-additions/export?format=csv&table=members${query}`);
    expect(response.status).toBe(200);
    return openCsvAsSpreadsheet(Buffer.from(await response.arrayBuffer())).map((row) => row.map((c) => c.shown));
  };

  it('writes headers and option labels in English with lang=en', async () => {
    const [header, row] = await csv('&lang=en');
    expect(header!.slice(0, 3)).toEqual(['Submission number', 'Head of household', 'Row']);
    const at = (title: string) => row![header!.indexOf(title)];
    expect(at('A2 Gender')).toBe('Female');
    expect(at('A2 Gender (code)')).toBe('女');
    expect(at('Reason of the addition')).toBe('Married in');
    expect(at('A15 Speaks Mandarin')).toBe('Yes');
  });

  it('writes them in Chinese by default', async () => {
    const [header, row] = await csv('');
    expect(header!.slice(0, 3)).toEqual(['提交编号', '户主姓名', '行号']);
    const at = (title: string) => row![header!.indexOf(title)];
    expect(at('A2 性别')).toBe('女');
    expect(at('增加原因')).toBe('婚入');
    expect(at('A15 是否会讲普通话')).toBe('是');
  });

  it('refuses a language code that is not one', async () => {
    const response = await county.fetch('GET', '/api/forms/member-additions/export?format=csv&lang=English');
    expect(response.status).toBe(400);
  });
});
