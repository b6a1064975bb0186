// 民主评议 and 公示 as steps of the approval chain (issue 17): which forms of the open campaigns
// have them, a village's (or township's) board, and what the village records — a meeting with a
// result per household, a notice (its printable A4 view reads the record), objections during the
// period and how each was handled. Officers, reviewers and administrators record within their
// scope; each write names the submissions' revisions as seen (409 when one moved). The approval
// itself is POST /submissions/{id}/review and /approvals, which refuse while a gate is shut.
import { createRoute, z } from '@hono/zod-openapi';
import {
  BoardQuerySchema, BoardSchema, DeliberationRecordSchema, NewMeetingSchema, NewNoticeSchema, NewObjectionSchema, ResolveObjectionSchema,
  StepSetListSchema, SubmissionDeliberationSchema,
} from '@engine/contract/deliberation';
import type { Deps } from '../deps';
import { board, stepSets, submissionDeliberation } from '../deliberation/board';
import { recordObjection, resolveObjection, visibleRecord } from '../deliberation/objections';
import { postNotice } from '../deliberation/postNotice';
import { recordMeeting } from '../deliberation/recordMeeting';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';

const tags = ['民主评议与公示'];
const params = z.object({ id: z.string().max(64) });
const notFoundAnswer = { 404: json(ProblemSchema, '不存在或不在本人范围内') };
const conflict = {
  409: json(ProblemSchema, '提交已被他人修改（stale_revision，未作任何记录），或不在该步骤（conflict）；评议前的步骤未完成时不能公示'),
};

const steps = createRoute({
  method: 'get', path: '/deliberation/steps', tags, summary: '开放的活动中设有民主评议、公示步骤的表单',
  responses: { 200: json(StepSetListSchema, '活动、表单及其步骤'), ...commonErrors },
});
const boardRoute = createRoute({
  method: 'get', path: '/deliberation/board', tags, summary: '一个村（或乡镇）的民主评议与公示：待评议、待公示的表及其进度，已记录的会议、公示和异议',
  request: { query: BoardQuerySchema },
  responses: { 200: json(BoardSchema, '本村（乡镇）的进度'), ...commonErrors, ...notFoundAnswer },
});
const meeting = createRoute({
  method: 'post', path: '/deliberation/meetings', tags, summary: '记录民主评议会议及每户的评议结果（同意 / 不同意）',
  request: jsonBody(NewMeetingSchema),
  responses: { 201: json(DeliberationRecordSchema, '已记录（各表 revision 加一）'), ...commonErrors, ...notFoundAnswer, ...conflict },
});
const notice = createRoute({
  method: 'post', path: '/deliberation/notices', tags, summary: '张贴公示：列出拟纳入的农户，公示天数由活动设定',
  request: jsonBody(NewNoticeSchema),
  responses: { 201: json(DeliberationRecordSchema, '已记录（各表 revision 加一）'), ...commonErrors, ...notFoundAnswer, ...conflict },
});
const read = createRoute({
  method: 'get', path: '/deliberation/records/{id}', tags, summary: '一条记录（会议、公示或异议）；公示的打印页读它',
  request: { params },
  responses: { 200: json(DeliberationRecordSchema, '记录'), ...commonErrors, ...notFoundAnswer },
});
const objection = createRoute({
  method: 'post', path: '/deliberation/notices/{id}/objections', tags, summary: '记录公示期间收到的异议（该表 revision 加一）',
  request: { params, ...jsonBody(NewObjectionSchema) },
  responses: { 201: json(DeliberationRecordSchema, '已记录'), ...commonErrors, ...notFoundAnswer, ...conflict },
});
const resolve = createRoute({
  method: 'post', path: '/deliberation/objections/{id}/resolve', tags, summary: '异议核实结果：成立（该户不能通过，须退回）或不成立，附处理情况',
  request: { params, ...jsonBody(ResolveObjectionSchema) },
  responses: { 200: json(DeliberationRecordSchema, '已处理（revision 加一）'), ...commonErrors, ...notFoundAnswer, ...conflict },
});
const ofSubmission = createRoute({
  method: 'get', path: '/deliberation/submissions/{id}', tags, summary: '一份提交的民主评议、公示步骤，当前能否审核（不能时的原因）及相关记录',
  request: { params },
  responses: { 200: json(SubmissionDeliberationSchema, '步骤、闸门与记录'), ...commonErrors, ...notFoundAnswer },
});

export function deliberationRoutes(deps: Deps) {
  return createRouter()
    .openapi(steps, async (c) => {
      requireUser(c);
      return c.json({ items: await stepSets(deps) }, 200);
    })
    .openapi(boardRoute, async (c) => c.json(await board(deps, requireUser(c), c.req.valid('query')), 200))
    .openapi(meeting, async (c) => c.json(await recordMeeting(deps, requireUser(c), c.req.valid('json')), 201))
    .openapi(notice, async (c) => c.json(await postNotice(deps, requireUser(c), c.req.valid('json')), 201))
    .openapi(read, async (c) => c.json(await visibleRecord(deps, requireUser(c), c.req.valid('param').id), 200))
    .openapi(objection, async (c) => c.json(await recordObjection(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(resolve, async (c) => c.json(await resolveObjection(deps, requireUser(c), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(ofSubmission, async (c) => c.json(await submissionDeliberation(deps, requireUser(c), c.req.valid('param').id), 200));
}
