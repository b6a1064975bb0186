// A township counts days in China time: a sheet sent at 06:30 on the 20th in 双石镇 (22:30 UTC on
// the 19th) is a sheet of the 20th, in the list and in the export alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FORM_ID } from '../helpers/sampleForm';
import { createFixture, validBody, type Fixture } from '../helpers/serverFixture';

let f: Fixture;
const list = (query: string) => f.township.get(`/api/forms/${SAMPLE_FORM_ID}/submissions?${query}`);

beforeAll(async () => {
  f = await createFixture();
  f.server.clock.time = Date.parse('2021-11-19T22:30:00.000Z');
  const body = { ...validBody(f.households[0]!.id), submit: true };
  expect((await f.officer.post(`/api/forms/${SAMPLE_FORM_ID}/submissions`, body)).status).toBe(201);
});
afterAll(() => f.server.close());

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
