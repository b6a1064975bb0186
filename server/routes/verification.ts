// The households to verify (重点核查户, issue 17): one list per village. Officers read their
// village's, add their own findings, link the identification form they open for an item and close
// an item with a reason (409 when someone changed it first); reviewers read and export their
// area's, with counts by state and source and how long each has waited.
import { chinaDate } from '@engine';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import {
  CloseVerificationSchema, LinkVerificationSchema, NewVerificationSchema, VerificationExportQuerySchema, VerificationItemSchema,
  VerificationPageSchema, VerificationQuerySchema,
} from '@engine/contract/verification';
import { covers, queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { attachment } from '../export/contentDisposition';
import { csvExport } from '../export/csvExport';
import { xlsxExport } from '../export/xlsxExport';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { staleRevision } from '../http/staleRevision';
import { notFound, Problem } from '../problem';
import type { UserRecord } from '../store/records';
import { StoreConflict, type VerificationFilter, type VerificationItemRecord } from '../store/Store';
import { presentItem } from '../verification/presentItem';
import { verificationSheet } from '../verification/verificationSheet';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';

const params = z.object({ id: z.string().max(64) });
const notFoundAnswer = { 404: json(ProblemSchema, '核查对象不存在或不在本人范围内') };

const list = createRoute({
  method: 'get', path: '/verification-items', tags: ['重点核查户'],
  summary: '重点核查户：本人范围内（信息员：本村；审核员：辖区）的核查对象，等待最久的在前，附按状态、来源的计数',
  request: { query: VerificationQuerySchema },
  responses: { 200: json(VerificationPageSchema, '一页核查对象与计数'), ...commonErrors },
});

const exportRoute = createRoute({
  method: 'get', path: '/verification-items/export', tags: ['重点核查户'], summary: '导出重点核查户（XLSX 或 CSV）',
  request: { query: VerificationExportQuerySchema },
  responses: {
    200: { description: '导出文件', content: { 'text/csv; charset=utf-8': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } },
    ...commonErrors,
  },
});

const add = createRoute({
  method: 'post', path: '/verification-items', tags: ['重点核查户'], summary: '信息员发现的核查对象（本村）',
  request: jsonBody(NewVerificationSchema),
  responses: { 201: json(VerificationItemSchema, '已加入本村重点核查户'), ...commonErrors },
});

const read = createRoute({
  method: 'get', path: '/verification-items/{id}', tags: ['重点核查户'], summary: '一个核查对象',
  request: { params },
  responses: { 200: json(VerificationItemSchema, '核查对象'), ...commonErrors, ...notFoundAnswer },
});

const close = createRoute({
  method: 'post', path: '/verification-items/{id}/close', tags: ['重点核查户'], summary: '关闭核查对象并写明原因（如：不符合、已是监测对象）',
  request: { params, ...jsonBody(CloseVerificationSchema) },
  responses: {
    200: json(VerificationItemSchema, '已关闭（revision 加一）'), ...commonErrors, ...notFoundAnswer,
    409: json(ProblemSchema, '已被他人修改或已办结：code 为 stale_revision，details.revision 为当前版本，未作任何修改'),
  },
});

const link = createRoute({
  method: 'post', path: '/verification-items/{id}/link', tags: ['重点核查户'], summary: '记下为核查对象打开的识别表提交（手机上草稿的编号）；该提交终审通过时核查对象即为已纳入',
  request: { params, ...jsonBody(LinkVerificationSchema) },
  responses: {
    200: json(VerificationItemSchema, '已关联'), ...commonErrors, ...notFoundAnswer,
    409: json(ProblemSchema, '核查对象已办结'),
  },
});

/** The user's filter: their scope, narrowed as asked. */
const filterOf = (user: UserRecord, q: { division?: string; state?: VerificationFilter['state']; source?: VerificationFilter['source'] }): VerificationFilter =>
  ({ scope: queryScope(user), division: q.division, state: q.state, source: q.source });

async function divisionNames(deps: Deps, user: UserRecord): Promise<Map<string, string>> {
  return new Map((await deps.store.listDivisions(queryScope(user))).map((d) => [d.code, d.name]));
}

async function visibleItem(deps: Deps, user: UserRecord, id: string): Promise<VerificationItemRecord> {
  const item = await deps.store.getVerificationItem(id);
  if (!item || !covers(queryScope(user), item.divisionCode)) throw notFound('核查对象');
  return item;
}

export function verificationRoutes(deps: Deps) {
  const { store, clock } = deps;
  const onError = (error: unknown) => deps.log.error('重点核查户导出中断', error);
  return createRouter()
    .openapi(list, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const filter = filterOf(user, q);
      const [page, counts, names] = await Promise.all([
        store.listVerificationItems(filter, { page: q.page, pageSize: q.pageSize }),
        store.countVerificationItems({ scope: filter.scope, division: filter.division }),
        divisionNames(deps, user),
      ]);
      const now = clock.now();
      return c.json({ ...page, items: page.items.map((i) => presentItem(i, names, now)), counts }, 200);
    })
    .openapi(exportRoute, async (c) => {
      const user = requireUser(c);
      const q = c.req.valid('query');
      const now = clock.now();
      const sheet = verificationSheet(store, filterOf(user, q), await divisionNames(deps, user), now);
      const csv = q.format === 'csv';
      const body = csv ? csvExport(sheet, onError) : xlsxExport([sheet], onError);
      const date = chinaDate(now);
      return c.body(Readable.toWeb(body) as NodeReadableStream<Uint8Array> as unknown as ReadableStream, 200, {
        'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': attachment(`重点核查户-${date}.${q.format}`, `verification-items-${date}.${q.format}`),
        'Cache-Control': 'no-store',
      });
    })
    .openapi(add, async (c) => {
      const user = requireUser(c, 'officer');
      const body = c.req.valid('json');
      if (!covers(user.scope, body.divisionCode) || !(await store.getDivision(body.divisionCode))) {
        throw new Problem('bad_request', `请求字段 divisionCode 不正确：${body.divisionCode} 不是本人范围内已登记的村`);
      }
      if (body.householdId) {
        const household = await store.getHousehold(body.householdId);
        if (!household || household.divisionCode !== body.divisionCode) throw new Problem('bad_request', '请求字段 householdId 不正确：该村没有这一户');
      }
      const at = clock.now().toISOString();
      const item = await store.addVerificationItem({
        id: randomUUID(), divisionCode: body.divisionCode, householdId: body.householdId ?? null, idNumber: body.idNumber ?? null,
        name: body.name, source: 'officer', sourceRef: null, reason: body.reason, receivedAt: at, createdBy: user.id,
      });
      return c.json(presentItem(item, await divisionNames(deps, user), clock.now()), 201);
    })
    .openapi(read, async (c) => {
      const user = requireUser(c);
      const item = await visibleItem(deps, user, c.req.valid('param').id);
      return c.json(presentItem(item, await divisionNames(deps, user), clock.now()), 200);
    })
    .openapi(close, async (c) => {
      const user = requireUser(c, 'officer', 'admin');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await visibleItem(deps, user, id);
      let closed: VerificationItemRecord | null;
      try {
        closed = await store.closeVerificationItem(id, body.reason, body.revision, clock.now().toISOString());
      } catch (e) {
        if (e instanceof StoreConflict && e.kind === 'in_review') {
          throw new Problem('conflict', `${e.message}，不能关闭该核查对象；如不符合，请审核人退回认定表后再关闭`);
        }
        if (!(e instanceof StoreConflict && e.kind === 'revision')) throw e;
        const current = (await store.getVerificationItem(id))!;
        if (current.state !== 'open') throw new Problem('stale_revision', `该核查对象已${current.state === 'included' ? '纳入监测' : `关闭（${current.closedReason ?? ''}）`}，未作任何修改`, { revision: current.revision });
        throw staleRevision('该核查对象', current.revision);
      }
      if (!closed) throw notFound('核查对象');
      return c.json(presentItem(closed, await divisionNames(deps, user), clock.now()), 200);
    })
    .openapi(link, async (c) => {
      const user = requireUser(c, 'officer');
      const { id } = c.req.valid('param');
      const { submissionId } = c.req.valid('json');
      const item = await visibleItem(deps, user, id);
      // A phone's draft is linked before it is sent; one already sent must be of this village.
      const submission = await store.getSubmission(submissionId);
      if (submission && submission.divisionCode !== item.divisionCode) throw new Problem('bad_request', '请求字段 submissionId 不正确：该提交不属于此核查对象所在的村');
      const linked = await store.linkVerificationItem(id, submissionId, clock.now().toISOString());
      if (!linked) throw notFound('核查对象');
      return c.json(presentItem(linked, await divisionNames(deps, user), clock.now()), 200);
    });
}
