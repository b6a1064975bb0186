// Residents' own applications (纳入监测申请, 自主申请, issue 17), public: no account, no session,
// no CSRF (app.ts leaves /api/public/ out of both). A county's page reads the published form and
// the county's registered villages, and a proof-of-work challenge; an application is checked by
// the engine exactly as an officer's submission is, counted against its address and ID number in
// the store (limits across servers), and stored, merged into an open one of the same ID number.
// The status needs the receipt and the ID number together: any other pair is the same 404 as an
// unknown receipt, and failed look-ups are counted per address, so receipts cannot be probed.
import { randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import {
  ApplicationReceiptSchema, ApplicationRequestSchema, ApplicationStatusSchema, ChallengeSchema, countyCode, PublicFormSchema, StatusRequestSchema,
} from '@engine/contract/publicApplication';
import { applicationReason, evaluateCompiled, normalizeIdNumber, type Issue } from '@engine';
import { z } from 'zod';
import { clientAddress } from '../auth/clientAddress';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { invalidSubmission, Problem } from '../problem';
import { applicationAttempt, lookupAddressKey, lookupAttempt, spendingAttempt } from '../public/applicationLimits';
import { applicationStatus } from '../public/applicationStatus';
import { challengeKey, checkProof, issueChallenge } from '../public/challenges';
import { newReceiptNumber, normalizeReceipt, RECEIPT_PATTERN } from '../public/receiptNumber';
import type { ApplicationRecord, LoginAttempt, Store, VerificationItemRecord } from '../store/Store';
import { json, jsonBody, ProblemSchema } from './schemas';

export const APPLICATION_FORM_ID = 'monitoring-application';
export const PUBLIC_PREFIX = '/api/public/';

const errors = {
  400: json(ProblemSchema, '请求不正确'),
  404: json(ProblemSchema, '县未开放网上申请，或回执号与身份证号不符'),
  413: json(ProblemSchema, '请求内容过大'),
  422: json(ProblemSchema, '申请内容有误（details.errors 为表单的问题）'),
  429: json(ProblemSchema, '次数过多（Retry-After 为等待的秒数）'),
};
const params = z.object({ county: countyCode });
const tags = ['网上申请（公开）'];

const challengeRoute = createRoute({
  method: 'get', path: '/public/counties/{county}/challenge', tags, summary: '取得提交申请前要计算的验证题',
  request: { params }, responses: { 200: json(ChallengeSchema, '验证题'), ...errors },
});
const formRoute = createRoute({
  method: 'get', path: '/public/counties/{county}/application-form', tags, summary: '本县的纳入监测申请表和可选的行政村',
  request: { params }, responses: { 200: json(PublicFormSchema, '申请表'), ...errors },
});
const applyRoute = createRoute({
  method: 'post', path: '/public/counties/{county}/applications', tags, summary: '提交纳入监测申请（同一身份证号未办结的申请合并为一件）',
  request: { params, ...jsonBody(ApplicationRequestSchema) },
  responses: { 201: json(ApplicationReceiptSchema, '已受理：回执号'), ...errors },
});
const statusRoute = createRoute({
  method: 'post', path: '/public/application-status', tags,
  summary: '凭回执号和身份证号查询办理进度（用 POST：身份证号不进网址和访问日志）',
  request: jsonBody(StatusRequestSchema), responses: { 200: json(ApplicationStatusSchema, '办理进度'), ...errors },
});

const validatorsRoute = createRoute({
  method: 'get', path: '/public/application-form/versions/{version}/validators.js', tags,
  summary: '申请表某个已发布版本的校验模块（与官员表单相同的预编译 JavaScript）',
  request: { params: z.object({ version: z.coerce.number().int().min(1).max(1_000_000) }) },
  responses: { 200: { description: '校验模块', content: { 'text/javascript': { schema: z.string() } } }, ...errors },
});

const NOT_FOUND = '没有找到这件申请：请核对回执号和身份证号';

async function claim(store: Store, attempt: LoginAttempt, now: Date, message: string): Promise<void> {
  const claimed = await store.claimLoginAttempt(attempt);
  if (claimed.admitted) return;
  const seconds = Math.max(1, Math.ceil((Date.parse(claimed.lockedUntil) - now.getTime()) / 1000));
  throw new Problem('too_many_attempts', `${message}，请 ${seconds} 秒后再试`, undefined, { 'Retry-After': String(seconds) });
}

const issue = (field: string, code: string, message: string): Issue => ({ path: `/${field}`, field, code, message, severity: 'error' });

export function publicApplicationRoutes(deps: Deps) {
  const { store, forms, clock, config } = deps;
  const limits = config.applications;
  const key = challengeKey(store);

  async function county(code: string) {
    const found = await store.getDivision(code);
    const villages = found ? (await store.listDivisions([code])).filter((d) => d.code.length === 12) : [];
    if (!found || villages.length === 0) throw new Problem('not_found', `县级区划 ${code} 未开放网上申请`);
    return { county: found, villages };
  }

  async function publishedForm() {
    const latest = (await store.getForm(APPLICATION_FORM_ID))?.latestVersion;
    const loaded = latest ? await forms.get(APPLICATION_FORM_ID, latest) : null;
    if (!loaded) throw new Problem('not_found', '纳入监测申请表尚未发布');
    return loaded;
  }

  /**
   * The application's open item in its village's list of households to verify: added for a new
   * application, and again (answering the open one, or a new one if the last was finished) for
   * one merged into it, which also mends an application a crash left without its item.
   */
  async function verificationItemOf(application: ApplicationRecord): Promise<VerificationItemRecord> {
    const person = (await store.findPersons({ idNumbers: [application.idNumber], names: [] }))[0];
    const data = application.data;
    const risks = [data.mainRisk, ...(Array.isArray(data.otherRisks) ? data.otherRisks : [])].filter(Boolean).map(String);
    const item = await store.addVerificationItem({
      id: randomUUID(), divisionCode: application.divisionCode, householdId: person?.householdId ?? null, idNumber: application.idNumber,
      name: application.name, source: 'application', sourceRef: application.id,
      reason: applicationReason(risks, String(data.description ?? '')), receivedAt: application.updatedAt, createdBy: null,
    });
    if (application.verificationItemId !== item.id) await store.linkApplicationItem(application.id, item.id);
    return item;
  }

  return createRouter()
    .openapi(challengeRoute, async (c) => {
      const code = c.req.valid('param').county;
      await county(code);
      return c.json(issueChallenge(await key(), code, limits.difficulty, clock.now(), limits.challengeMinutes), 200);
    })
    .openapi(formRoute, async (c) => {
      const found = await county(c.req.valid('param').county);
      const version = await publishedForm();
      const names = new Map((await store.listDivisions([found.county.code])).map((d) => [d.code, d.name]));
      return c.json({
        county: { code: found.county.code, name: found.county.name },
        form: { id: APPLICATION_FORM_ID, version: version.record.version, definition: version.record.definition as unknown as Record<string, unknown> },
        villages: found.villages.map((v) => ({ code: v.code, name: v.name, township: names.get(v.code.slice(0, 9)) ?? '' })),
      }, 200);
    })
    .openapi(applyRoute, async (c) => {
      const code = c.req.valid('param').county;
      const { challenge, nonce, data } = c.req.valid('json');
      const now = clock.now();
      const found = await county(code);
      const proof = checkProof(await key(), code, challenge, nonce, now, limits.difficulty);
      if (!proof.ok) throw new Problem('invalid_proof', proof.message);
      // Spent by its first use, whatever becomes of the application: each try costs its own work.
      const spent = await store.claimLoginAttempt(spendingAttempt(proof.mac, now, limits));
      if (!spent.admitted) throw new Problem('invalid_proof', '这道验证题已经用过，请重新提交（页面会自动重新计算）');
      const version = await publishedForm();
      const result = evaluateCompiled(version.compiled, data, { params: {}, household: null });
      const extra: Issue[] = [];
      const divisionCode = result.data.divisionCode;
      if (typeof divisionCode === 'string' && !found.villages.some((v) => v.code === divisionCode)) {
        extra.push(issue('divisionCode', 'not-in-county', `所在村：${divisionCode} 不是${found.county.name}登记的行政村`));
      }
      if (result.data.signature !== undefined) {
        extra.push(issue('signature', 'public-signature', '申请人签字：网上申请暂不能上传签字，请留空，核查时当面签字'));
      }
      if (result.errors.length + extra.length > 0) throw invalidSubmission([...result.errors, ...extra]);
      const idNumber = normalizeIdNumber(String(result.data.idNumber));
      const address = clientAddress(c, config.trustProxy);
      await claim(store, applicationAttempt(code, idNumber, address, now, limits), now, '申请提交次数过多');
      const { application, merged } = await store.submitApplication({
        id: randomUUID(), receipt: newReceiptNumber(), county: code, divisionCode: String(divisionCode), idNumber,
        name: String(result.data.name), phone: String(result.data.phone), formId: APPLICATION_FORM_ID, formVersion: version.record.version,
        data: result.data, receivedAt: now.toISOString(),
      });
      const item = await verificationItemOf(application);
      return c.json({ ...applicationStatus(application, item), merged }, 201);
    })
    .openapi(validatorsRoute, async (c) => {
      const code = await forms.validatorModule(APPLICATION_FORM_ID, c.req.valid('param').version);
      if (code === null) throw new Problem('not_found', '申请表的这个版本不存在');
      return c.body(code, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' }) as never;
    })
    .openapi(statusRoute, async (c) => {
      const { receipt, idNumber } = c.req.valid('json');
      const now = clock.now();
      const address = clientAddress(c, config.trustProxy);
      await claim(store, lookupAttempt(address, now, limits), now, '查询失败次数过多');
      const wanted = normalizeReceipt(receipt);
      const application = RECEIPT_PATTERN.test(wanted) ? await store.getApplicationByReceipt(wanted) : null;
      if (!application || application.idNumber !== normalizeIdNumber(idNumber.trim())) throw new Problem('not_found', NOT_FOUND);
      await store.refundLoginAttempt([lookupAddressKey(address)]);
      const item = application.verificationItemId ? await store.getVerificationItem(application.verificationItemId) : null;
      return c.json(applicationStatus(application, item), 200);
    });
}
