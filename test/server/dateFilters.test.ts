// A township counts days in China time: a sheet sent at 06:30 on the 20th in 临江镇 (22:30 UTC on
// the 19th) is a sheet of the 20th, in the list and in the export alike. A day that does not exist
// (a 13th month, day 0, 30 February) is a 400 naming the filter on every route that takes these
// filters, never a 500 nor a silent roll-over into March.
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { setUpFixture, validBody } from '../helpers/serverFixture';

const f = setUpFixture();
const list = (query: string) => f.township.get(`/api/forms/${SAMPLE_FORM_ID}/submissions?${query}`);

beforeAll(async () => {
  f.server.clock.time = Date.parse('2021-11-19T22:30:00.000Z');
  const body = { ...validBody(f.households[0]!.id), submit: true };
  expect((await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, body)).status).toBe(201);
});

describe('the date filters of the submission list and export', () => {
  it('count a submission of 06:30 China time on the day it was made there', async () => {
    expect((await list('from=2021-11-20&to=2021-11-20')).body.total).toBe(1);
    expect((await list('from=2021-11-19&to=2021-11-19')).body.total).toBe(0);
    expect((await list('to=2021-11-19')).body.total).toBe(0);
    expect((await list('from=2021-11-20')).body.total).toBe(1);
    expect((await list('from=2021-11-21')).body.total).toBe(0);
  });

  it('export exactly what the list shows for those days', async () => {
    const exported = await f.township.get(`/api/forms/${SAMPLE_FORM_ID}/export?format=csv&from=2021-11-20&to=2021-11-20`);
    expect(exported.headers.get('x-export-rows')).toBe('1');
  });
});

describe('an impossible date in the filters', () => {
  const routes = {
    list: (q: string) => `/api/forms/${SAMPLE_FORM_ID}/submissions?${q}`,
    'review rows': (q: string) => `/api/forms/${SAMPLE_FORM_ID}/review-rows?${q}`,
    export: (q: string) => `/api/forms/${SAMPLE_FORM_ID}/export?format=csv&${q}`,
  };
  for (const [route, path] of Object.entries(routes)) {
    it.each(['2021-13-01', '0000-00-00', '2021-02-30', '2021-04-31', '2100-02-29'])(`gets 400 naming the field on the ${route}: %s`, async (day) => {
      for (const field of ['from', 'to']) {
        const response = await f.township.get(path(`${field}=${day}`));
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('bad_request');
        expect(response.body.error.message).toBe(`请求字段 ${field} 不正确：应为 1900 至 2100 年间存在的日期（如 2021-11-20）`);
      }
    });
  }

  it('is not a leap day refused: 29 February of a leap year is a day', async () => {
    expect((await list('from=2020-02-29&to=2000-02-29')).status).toBe(200);
  });
});
