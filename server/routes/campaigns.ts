// Campaigns, administered: one campaign in detail (with the parameters its forms declare), a new
// campaign or next year's made by cloning one (its forms, parameters and divisions; optionally
// closing the old one), and changes to title, parameters, forms, status and divisions. Every
// save is checked (validateCampaign); the list itself is GET /api/campaigns (catalog.ts).
//
// A campaign and form versions: a campaign names the version of each form it serves
// (`formVersions`); a new version reaches it only when it adopts it — chosen when the version is
// published (routes/forms.ts) or later here (POST /campaigns/:id/adopt), each adoption recorded.
// A submission keeps its campaign and the version it was filled with. Closing a campaign freezes
// it: no new submissions, its submissions and their versions stay as they were.
//
// Next year's campaign cloned from this year's moves every date parameter by a year and marks
// every parameter and the description to be confirmed (待确认, nextYear.ts); it is made closed and
// cannot be opened while any is left (confirmations.ts).
//
// Two administrators may edit one campaign at once: a change states the revision it was made
// from (`revision`, as every answer carries it) and is written only if that is still the stored
// one (the store's compare-and-set); otherwise 409, and nothing of it is written.
import { createRoute, z } from '@hono/zod-openapi';
import type { CampaignDetail } from '@engine/contract';
import { AdoptedSchema, AdoptSchema, CampaignDetailSchema, CampaignPatchSchema, NewCampaignSchema } from '@engine/contract/campaigns';
import { adoptVersion } from '../campaigns/adoptVersion';
import { refuseOpeningUnconfirmed, remainingConfirmations } from '../campaigns/confirmations';
import { nextYear } from '../campaigns/nextYear';
import { declaredParameters, servedDefinitions, validateCampaign } from '../campaigns/validateCampaign';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { staleRevision } from '../http/staleRevision';
import { notFound, Problem } from '../problem';
import type { CampaignFields, CampaignRecord } from '../store/records';
import { StoreConflict, type Store } from '../store/Store';
import { commonErrors, json, jsonBody, ProblemSchema } from './schemas';

const campaignId = z.object({ id: z.string() });

const read = createRoute({
  method: 'get', path: '/campaigns/{id}', tags: ['活动'], summary: '活动详情及其表单声明的参数（管理员）',
  request: { params: campaignId },
  responses: { 200: json(CampaignDetailSchema, '活动'), ...commonErrors, 404: json(ProblemSchema, '不存在') },
});
const create = createRoute({
  method: 'post', path: '/campaigns', tags: ['活动'], summary: '新建活动，或复制一个活动为下一年的活动（管理员）',
  request: jsonBody(NewCampaignSchema),
  responses: { 201: json(CampaignDetailSchema, '已创建'), ...commonErrors, 409: json(ProblemSchema, '编号已存在') },
});
const adopt = createRoute({
  method: 'post', path: '/campaigns/{id}/adopt', tags: ['活动'], summary: '活动采用某表单的另一个已发布版本（管理员；记录采用人、时间和版本）',
  request: { params: campaignId, ...jsonBody(AdoptSchema) },
  responses: {
    200: json(AdoptedSchema, '已采用（revision 加一）'), ...commonErrors, 404: json(ProblemSchema, '不存在'),
    409: json(ProblemSchema, '活动已被他人修改（stale_revision）或已关闭'), 422: json(ProblemSchema, '该版本需要活动未提供的参数，或其测试用例在本活动参数下未通过'),
  },
});
const update = createRoute({
  method: 'patch', path: '/campaigns/{id}', tags: ['活动'], summary: '修改活动：名称、参数、表单、开放或关闭、覆盖的行政区划（管理员）',
  request: { params: campaignId, ...jsonBody(CampaignPatchSchema) },
  responses: {
    200: json(CampaignDetailSchema, '已修改（revision 加一）'), ...commonErrors, 404: json(ProblemSchema, '不存在'),
    409: json(ProblemSchema, '活动已被他人修改：code 为 stale_revision，details.revision 为当前版本，未作任何修改'),
    422: json(ProblemSchema, '有待确认的项目时不能开放（unconfirmed_campaign，details.unconfirmed 列出各项）'),
  },
});

export function campaignRoutes(deps: Deps) {
  const { store, clock } = deps;
  const detail = async (campaign: CampaignRecord): Promise<CampaignDetail> => {
    const definitions = await servedDefinitions(deps, campaign);
    return {
      ...campaign,
      parameterDeclarations: declaredParameters(definitions),
      formTitles: Object.fromEntries([...definitions].map(([id, d]) => [id, d.title])),
      adoptions: await store.listAdoptions(campaign.id),
    };
  };
  return createRouter()
    .openapi(read, async (c) => {
      requireUser(c, 'admin');
      const campaign = await store.getCampaign(c.req.valid('param').id);
      if (!campaign) throw notFound('活动');
      return c.json(await detail(campaign), 200);
    })
    .openapi(create, async (c) => {
      requireUser(c, 'admin');
      const body = c.req.valid('json');
      const source = body.cloneFrom === undefined ? null : await store.getCampaign(body.cloneFrom);
      if (body.cloneFrom !== undefined && !source) throw new Problem('bad_request', `请求字段 cloneFrom 不正确：活动 ${body.cloneFrom} 不存在`);
      const cloned = source
        ? nextYear(source, declaredParameters(await servedDefinitions(deps, source)), { parameters: body.parameters, description: body.description })
        : null;
      const campaign: CampaignFields = {
        id: body.id, title: body.title, year: body.year,
        description: body.description ?? source?.description ?? '',
        parameters: cloned?.parameters ?? body.parameters ?? {},
        forms: body.forms ?? [...(source?.forms ?? [])],
        status: body.status ?? (cloned?.unconfirmed.length ? 'closed' : 'open'),
        divisions: body.divisions ?? [...(source?.divisions ?? [])],
        approvalSteps: body.approvalSteps ?? structuredClone(source?.approvalSteps ?? {}),
        createdAt: clock.now().toISOString(),
        formVersions: source ? { ...source.formVersions } : {},
        unconfirmed: cloned?.unconfirmed ?? [],
      };
      await validateCampaign(deps, campaign);
      if (campaign.status === 'open') {
        refuseOpeningUnconfirmed(campaign.title, campaign.unconfirmed ?? [], declaredParameters(await servedDefinitions(deps, campaign)));
      }
      try {
        await store.createCampaign(campaign);
      } catch (e) {
        if (e instanceof StoreConflict) throw new Problem('conflict', `活动编号 ${campaign.id} 已存在`);
        throw e;
      }
      if (source && body.closeSource) await closeCampaign(store, source.id);
      return c.json(await detail((await store.getCampaign(campaign.id))!), 201);
    })
    .openapi(update, async (c) => {
      requireUser(c, 'admin');
      const existing = await store.getCampaign(c.req.valid('param').id);
      if (!existing) throw notFound('活动');
      const { revision, confirm, ...body } = c.req.valid('json');
      if (existing.revision !== revision) throw staleRevision('该活动', existing.revision);
      const { revision: _read, ...fields } = existing;
      const campaign: CampaignFields = { ...fields, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) };
      campaign.unconfirmed = remainingConfirmations(existing, campaign, confirm ?? []);
      await validateCampaign(deps, campaign);
      if (campaign.status === 'open') {
        refuseOpeningUnconfirmed(campaign.title, campaign.unconfirmed, declaredParameters(await servedDefinitions(deps, campaign)));
      }
      let saved: CampaignRecord | null;
      try {
        saved = await store.updateCampaign(campaign, revision);
      } catch (e) {
        if (!(e instanceof StoreConflict && e.kind === 'revision')) throw e;
        const current = await store.getCampaign(campaign.id);
        throw staleRevision('该活动', current?.revision ?? revision + 1);
      }
      if (!saved) throw notFound('活动');
      return c.json(await detail(saved), 200);
    })
    .openapi(adopt, async (c) => {
      const admin = requireUser(c, 'admin');
      const { moved, ...saved } = await adoptVersion(deps, admin, c.req.valid('param').id, c.req.valid('json'));
      return c.json({ ...(await detail(saved)), ...(moved ? { moved } : {}) }, 200);
    });
}

/** Closes a campaign cloned into next year's, whatever else was changed in it meanwhile: only its status is set. */
async function closeCampaign(store: Store, id: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.getCampaign(id);
    if (!current || current.status === 'closed') return;
    const { revision, ...fields } = current;
    try {
      await store.updateCampaign({ ...fields, status: 'closed' }, revision);
      return;
    } catch (e) {
      if (!(e instanceof StoreConflict && e.kind === 'revision')) throw e;
    }
  }
  throw new Problem('conflict', `原活动 ${id} 正被他人频繁修改，未能关闭：新活动已建立，请稍后在原活动中关闭`);
}
