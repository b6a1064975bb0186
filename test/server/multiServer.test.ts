// Three real servers on one PostgreSQL schema, as a county would run them behind a load balancer:
// every race of races.test.ts run many rounds with the competing requests sent to different
// servers at once — exactly one winner each round, a 409 saying what happened for every other,
// nothing the winner wrote lost — and what must hold across servers: a session made on one used
// and ended on others, one submission id sent to all at once stored once (replays answered alike,
// a changed body refused), a publication made on one seen at once by the others.
// Skipped when WNBD_PG_URL is unset, unless WNBD_REQUIRE_PG=1 (then this file fails).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identificationForm, reviewedForm } from '../helpers/raceForms';
import { residentId } from '../helpers/sampleForm';
import { startServersOnOnePostgres, type Answer, type ServersOnOnePostgres, type Session } from '../helpers/serversOnOnePostgres';
import { postgresTestUrl } from '../helpers/testServer';

const url = postgresTestUrl('several servers on one PostgreSQL');
const SERVERS = 3;
const ROUNDS = 12;
const IMPORT_ROUNDS = 6;

const statuses = (answers: Answer[]) => answers.map((a) => a.status).sort();
const figures: string[] = [];

/** Rounds of one race: how many, which server won each, how long they took. */
function tally(race: string) {
  const started = Date.now();
  const wins = Array.from({ length: SERVERS }, () => 0);
  return {
    won: (answer: Answer) => wins[answer.server]!++,
    done: (rounds: number) => figures.push(`${race}: ${rounds} rounds, winners by server ${wins.join('/')}, ${Date.now() - started} ms`),
  };
}

if (url) {
  describe(`${SERVERS} servers on one PostgreSQL`, () => {
    let s: ServersOnOnePostgres;
    let admin: Session;
    let officer: Session;
    /** Households of 石庙村 (the officer's village). */
    let households: string[];

    beforeAll(async () => {
      const started = Date.now();
      s = await startServersOnOnePostgres(url, SERVERS);
      figures.push(`${SERVERS} servers started together in ${Date.now() - started} ms`);
      admin = await s.logIn('admin', 0);
      officer = await s.logIn('shimiao', 1);
      households = (await s.call(2, officer, 'GET', '/api/households?pageSize=200&division=500118104201')).body.items.map((h: { id: string }) => h.id);
      expect(households.length).toBeGreaterThan(3);
    }, 180_000);
    afterAll(async () => {
      await s?.close();
      console.info(`several servers on one PostgreSQL:\n  ${figures.join('\n  ')}`);
    });

    it('hold a session made on one server, used on another and ended on a third', async () => {
      const session = await s.logIn('shuangfeng', 0);
      expect((await s.call(1, session, 'GET', '/api/session')).body.user.username).toBe('shuangfeng');
      expect((await s.call(2, session, 'DELETE', '/api/session')).status).toBe(204);
      for (let on = 0; on < SERVERS; on++) expect((await s.call(on, session, 'GET', '/api/session')).status).toBe(401);
    });

    it(`store one submission id sent to every server at once once: replays answered alike, a changed body refused (${ROUNDS} rounds)`, async () => {
      const started = Date.now();
      for (let round = 0; round < ROUNDS; round++) {
        const body = { id: randomUUID(), householdId: households[round % households.length], campaignId: '2021', submit: false, data: { members: [{ A1: `新成员${round}` }] } };
        const answers = await Promise.all(Array.from({ length: SERVERS }, (_, on) => s.call(on, officer, 'POST', '/api/forms/member-additions/submissions', body)));
        expect(answers.map((a) => a.status), `round ${round}: ${answers.map((a) => JSON.stringify(a.body)).join(' | ')}`).toEqual([201, 201, 201]);
        for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
        const changed = await s.call(round, officer, 'POST', '/api/forms/member-additions/submissions', { ...body, data: { members: [{ A1: '另一个人' }] } });
        expect(changed.status).toBe(409);
        const stored = await s.call(round + 1, officer, 'GET', `/api/submissions/${body.id}`);
        expect(stored.body.history).toHaveLength(1);
        expect(stored.body.data).toEqual(answers[0]!.body.data);
      }
      figures.push(`one submission id to every server: ${ROUNDS} rounds, each one record, ${SERVERS} equal answers and a changed body refused, ${Date.now() - started} ms`);
    });

    it('show a publication made on one server on the others at once', async () => {
      for (const definition of [reviewedForm, identificationForm]) {
        expect((await s.call(0, admin, 'POST', '/api/forms', { definition })).status).toBe(201);
        const { revision } = (await s.call(1, admin, 'GET', `/api/forms/${definition.id}/draft`)).body;
        const published = await s.call(2, admin, 'POST', `/api/forms/${definition.id}/publish`, { revision });
        expect(published.status, JSON.stringify(published.body)).toBe(201);
        for (let on = 0; on < SERVERS; on++) expect((await s.call(on, admin, 'GET', `/api/forms/${definition.id}`)).body.version).toBe(1);
      }
      const campaign = await s.call(1, admin, 'POST', '/api/campaigns', { id: 'race-2021', title: '竞争测试', year: 2021, forms: [reviewedForm.id, identificationForm.id] });
      expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
      // A second version published on one server is what the others serve to officers next.
      const { revision } = (await s.call(0, admin, 'GET', `/api/forms/${reviewedForm.id}/draft`)).body;
      const next = { ...reviewedForm, title: '核查表（测试，第二版）' };
      const saved = await s.call(0, admin, 'PUT', `/api/forms/${reviewedForm.id}/draft`, { definition: next, revision });
      expect((await s.call(1, admin, 'POST', `/api/forms/${reviewedForm.id}/publish`, { revision: saved.body.revision })).body.version).toBe(2);
      for (let on = 0; on < SERVERS; on++) {
        const served = (await s.call(on, officer, 'GET', `/api/forms/${reviewedForm.id}`)).body;
        expect(served).toMatchObject({ version: 2, title: '核查表（测试，第二版）' });
        expect((await s.call(on, officer, 'GET', `/api/forms/${reviewedForm.id}/versions/2/validators.js`)).status).toBe(200);
      }
    });

    it(`keep one of ${SERVERS} changes of one campaign made at once on different servers (${ROUNDS} rounds)`, async () => {
      const race = tally('campaign changed on every server at once');
      for (let round = 0; round < ROUNDS; round++) {
        const { revision } = (await s.call(round, admin, 'GET', '/api/campaigns/2021')).body;
        const changes = [{ title: `2021年度（第 ${round} 轮）` }, { description: `第 ${round} 轮` }, { year: 2021 + (round % 2) }];
        const answers = await Promise.all(changes.map((change, on) => s.call(on, admin, 'PATCH', '/api/campaigns/2021', { ...change, revision })));
        expect(statuses(answers), `round ${round}: ${answers.map((a) => JSON.stringify(a.body)).join(' | ')}`).toEqual([200, 409, 409]);
        for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body.error.message).toBe(`该活动已被他人修改（当前版本 ${revision + 1}），请刷新后再改`);
        const winner = answers.find((a) => a.status === 200)!;
        race.won(winner);
        expect((await s.call(round + 1, admin, 'GET', '/api/campaigns/2021')).body).toEqual(winner.body);
      }
      race.done(ROUNDS);
    });

    it(`never wipe a draft saved on one server while another publishes it, nor publish one draft twice (${ROUNDS} rounds each)`, async () => {
      const saveOrPublish = tally('draft saved on one server, published on another');
      const versions = async () => (await s.call(0, admin, 'GET', `/api/forms/${identificationForm.id}/versions`)).body.items.length as number;
      const definition = (title: string) => ({ ...identificationForm, title });
      const shownDraft = async (round: number, title: string) => {
        const { revision } = (await s.call(round, admin, 'GET', `/api/forms/${identificationForm.id}/draft`)).body;
        return (await s.call(round + 1, admin, 'PUT', `/api/forms/${identificationForm.id}/draft`, { definition: definition(title), revision })).body.revision as number;
      };
      for (let round = 0; round < ROUNDS; round++) {
        const shown = await shownDraft(round, `发布 ${round}`);
        const before = await versions();
        const [published, saved] = await Promise.all([
          s.call(round, admin, 'POST', `/api/forms/${identificationForm.id}/publish`, { revision: shown }),
          s.call(round + 1, admin, 'PUT', `/api/forms/${identificationForm.id}/draft`, { definition: definition(`又改 ${round}`), revision: shown }),
        ]);
        expect(statuses([published, saved]), `round ${round}: ${JSON.stringify(published.body)} | ${JSON.stringify(saved.body)}`)
          .toEqual(published.status === 201 ? [201, 409] : [200, 409]);
        saveOrPublish.won(published.status === 201 ? published : saved);
        const draft = (await s.call(round + 2, admin, 'GET', `/api/forms/${identificationForm.id}/draft`)).body.definition;
        expect(await versions()).toBe(before + (published.status === 201 ? 1 : 0));
        expect(draft?.title ?? null).toBe(published.status === 201 ? null : `又改 ${round}`);
      }
      saveOrPublish.done(ROUNDS);
      const twice = tally('one draft published on every server at once');
      for (let round = 0; round < ROUNDS; round++) {
        const shown = await shownDraft(round, `同时发布 ${round}`);
        const before = await versions();
        const answers = await Promise.all(Array.from({ length: SERVERS }, (_, on) => s.call(on, admin, 'POST', `/api/forms/${identificationForm.id}/publish`, { revision: shown })));
        expect(statuses(answers), `round ${round}: ${answers.map((a) => JSON.stringify(a.body)).join(' | ')}`).toEqual([201, 409, 409]);
        const winner = answers.find((a) => a.status === 201)!;
        twice.won(winner);
        for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body.error.message).toBe(`该草稿已由 admin 发布为第 ${winner.body.version} 版，请刷新后查看`);
        expect(await versions()).toBe(before + 1);
      }
      twice.done(ROUNDS);
    });

    it(`record one of three reviews of one submission sent to different servers at once (${ROUNDS} rounds)`, async () => {
      expect((await s.call(0, admin, 'POST', '/api/users', { username: 'shuangshi2', password: 'long-enough-21', role: 'reviewer', scope: ['500118104'] })).status).toBe(201);
      const reviewers: [string, Session][] = [['shuangshi', await s.logIn('shuangshi', 0)], ['shuangshi2', await s.logIn('shuangshi2', 1, 'long-enough-21')], ['admin', admin]];
      const race = tally('three reviewers of one submission on three servers');
      for (let round = 0; round < ROUNDS; round++) {
        const submitted = await s.call(round, officer, 'POST', `/api/forms/${reviewedForm.id}/submissions`, {
          id: randomUUID(), householdId: households[round % households.length], campaignId: 'race-2021', submit: true, data: { A1: `第 ${round} 轮` },
        });
        expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
        const answers = await Promise.all(reviewers.map(([, session], on) =>
          s.call(on + round, session, 'POST', `/api/submissions/${submitted.body.id}/review`, { decision: 'approve', revision: submitted.body.revision })));
        expect(statuses(answers), `round ${round}: ${answers.map((a) => JSON.stringify(a.body)).join(' | ')}`).toEqual([200, 409, 409]);
        const winner = answers.find((a) => a.status === 200)!;
        race.won(winner);
        const name = reviewers[answers.indexOf(winner)]![0];
        for (const lost of answers.filter((a) => a.status === 409)) {
          expect(lost.body.error.message).toBe(`此表已被 ${name} 审核通过（乡镇审核），现等待“县级确定”（当前版本 2，您看到的是版本 1），您的审核未记录，请刷新后再看`);
        }
        const after = (await s.call(round + 2, admin, 'GET', `/api/submissions/${submitted.body.id}`)).body;
        expect(after).toMatchObject({ status: 'submitted', reviewLevel: 1, revision: 2 });
        expect(after.history).toHaveLength(2);
      }
      race.done(ROUNDS);
    });

    it(`create one household when two identifications of it are approved on two servers at once (${ROUNDS} rounds)`, async () => {
      const reviewers = [await s.logIn('shuangshi', 2), await s.logIn('yongchuan', 0)];
      const race = tally('two approvals creating one household on two servers');
      for (let round = 0; round < ROUNDS; round++) {
        const headIdNumber = residentId('500118', `19${70 + (round % 20)}0404`, 400 + round);
        const data = { divisionCode: '500118104201', headName: `新户${round}`, headIdNumber };
        const both: { id: string; revision: number }[] = [];
        for (let i = 0; i < 2; i++) {
          const created = await s.call(round + i, officer, 'POST', `/api/forms/${identificationForm.id}/submissions`, { id: randomUUID(), campaignId: 'race-2021', householdId: null, submit: true, data });
          expect(created.status, JSON.stringify(created.body)).toBe(201);
          both.push(created.body);
        }
        const answers = await Promise.all(reviewers.map((session, i) =>
          s.call(round + i, session, 'POST', `/api/submissions/${both[i]!.id}/review`, { decision: 'approve', revision: both[i]!.revision })));
        expect(statuses(answers), `round ${round}: ${answers.map((a) => JSON.stringify(a.body)).join(' | ')}`).toEqual([200, 409]);
        const won = answers.findIndex((a) => a.status === 200);
        race.won(answers[won]!);
        expect(answers[1 - won]!.body.error.message).toContain(`刚由另一份表（提交编号 ${both[won]!.id}）审核通过时建立`);
        expect((await s.call(round + 2, admin, 'GET', `/api/households?q=${headIdNumber}`)).body.total).toBe(1);
      }
      race.done(ROUNDS);
    });

    it(`make each household once when two servers import the same ones at once in opposite orders (${IMPORT_ROUNDS} rounds)`, async () => {
      const race = tally('two imports of the same households on two servers');
      for (let round = 0; round < IMPORT_ROUNDS; round++) {
        const rows = Array.from({ length: 30 }, (_, i) => {
          const idNumber = residentId('500118', `19${50 + i}0${1 + (round % 9)}2${round % 10}`, 700 + round);
          return { divisionCode: '500118104202', headName: `导${round}-${i}`, headIdNumber: idNumber, members: [{ name: `导${round}-${i}`, idNumber, relation: '户主' }] };
        });
        const answers = await Promise.all([s.call(round, admin, 'POST', '/api/households', rows), s.call(round + 1, admin, 'POST', '/api/households', [...rows].reverse())]);
        expect(answers.map((a) => a.status), `round ${round}: ${answers.map((a) => JSON.stringify(a.body).slice(0, 300)).join(' | ')}`).toEqual([200, 200]);
        expect(answers.map((a) => [a.body.created, a.body.updated]).sort()).toEqual([[0, 30], [30, 0]]);
        race.won(answers.find((a) => a.body.created === 30)!);
        expect((await s.call(round + 2, admin, 'GET', `/api/households?q=${rows[0]!.headIdNumber}`)).body.total).toBe(1);
      }
      race.done(IMPORT_ROUNDS);
    });

    it(`keep one of two changes of one account made on two servers at once (${ROUNDS} rounds)`, async () => {
      const created = await s.call(0, admin, 'POST', '/api/users', { username: 'race-user', password: 'long-enough-21', role: 'officer', scope: ['500118104201'] });
      const id = created.body.id as string;
      const race = tally('account disabled on one server, edited on another');
      for (let round = 0; round < ROUNDS; round++) {
        const account = (await s.call(round, admin, 'GET', '/api/users')).body.items.find((u: { id: string }) => u.id === id);
        const answers = await Promise.all([
          s.call(round, admin, 'PATCH', `/api/users/${id}`, { revision: account.revision, disabled: !account.disabled }),
          s.call(round + 1, admin, 'PATCH', `/api/users/${id}`, { revision: account.revision, displayName: `第 ${round} 轮` }),
        ]);
        expect(statuses(answers), `round ${round}: ${answers.map((a) => JSON.stringify(a.body)).join(' | ')}`).toEqual([200, 409]);
        const winner = answers.find((a) => a.status === 200)!;
        race.won(winner);
        expect((await s.call(round + 2, admin, 'GET', '/api/users')).body.items.find((u: { id: string }) => u.id === id)).toEqual(winner.body);
      }
      race.done(ROUNDS);
    });
  });
}
