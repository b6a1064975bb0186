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
import { commonErrors, divisionCode, json, jsonBody, ProblemSchema } from './schemas';

const CampaignSchema = z.object({
  id: z.string(), title: z.string(), year: z.number(), description: z.string(), parameters: z.record(z.string(), z.unknown()),
  forms: z.array(z.string()), status: z.enum(['open', 'closed']), divisions: z.array(z.string()), createdAt: z.string(),
  revision: z.number().openapi({ description: '修改时原样带回（见 PATCH）' }),
  formVersions: z.record(z.string(), z.number()).openapi({ description: '本活动使用的各表单版本：新的填报按此版本；新版本须经活动采用（发布时选择，或 POST /campaigns/{id}/adopt）' }),
  unconfirmed: z.array(z.string()).openapi({ description: '复制自上一年、待管理员确认的项目：description、parameters.<参数名>；有待确认项时不能开放' }),
});
const Adoption = z.object({
  id: z.number(), campaignId: z.string(), formId: z.string(), fromVersion: z.number().nullable(), toVersion: z.number(),
  at: z.string(), userId: z.string(), username: z.string(), moveOpen: z.boolean(),
}).openapi('Adoption');
const Declaration = z.object({ title: z.string(), type: z.enum(['number', 'string', 'date', 'year-month']), description: z.string().optional(), forms: z.array(z.string()) });
const CampaignDetail = CampaignSchema.extend({
  parameterDeclarations: z.record(z.string(), Declaration),
  formTitles: z.record(z.string(), z.string()),
  adoptions: z.array(Adoption).openapi({ description: '采用新版本的记录（谁、何时、由第几版改为第几版），按时间先后' }),
}).openapi('CampaignDetail');

const parameterValue = z.union([z.number(), z.string().max(200)]);
const editable = {
  title: z.string().trim().min(1, '活动名称不能为空').max(100),
  year: z.number().int().min(2000).max(2100),
  description: z.string().max(2000),
  parameters: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, '参数名应为字母开头的字母、数字或下划线'), parameterValue),
  forms: z.array(z.string().max(64)).max(50),
  status: z.enum(['open', 'closed']),
  divisions: z.array(divisionCode).max(200),
};
const NewCampaign = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '活动编号为小写字母、数字和短横线（如 2022-lookback）'),
  title: editable.title,
  year: editable.year,
  description: editable.description.optional(),
  parameters: editable.parameters.optional(),
  forms: editable.forms.optional(),
  status: editable.status.optional(),
  divisions: editable.divisions.optional(),
  cloneFrom: z.string().max(40).optional().openapi({
    description: '复制该活动的表单及其版本、参数和覆盖范围（其余字段可另行指定）：日期参数顺延一年，未另行指定的参数和说明标为待确认，新活动关闭，全部确认后方可开放',
  }),
  closeSource: z.boolean().optional().openapi({ description: '复制后关闭原活动（其提交和版本保持不变）' }),
});
const CampaignPatch = z.object({
  revision: z.number().int().min(1).openapi({ description: '修改所依据的版本（读取活动时得到的 revision）；已被他人修改则 409' }),
  title: editable.title.optional(), year: editable.year.optional(), description: editable.description.optional(),
  parameters: editable.parameters.optional(), forms: editable.forms.optional(), status: editable.status.optional(),
  divisions: editable.divisions.optional(),
  confirm: z.array(z.string().max(80)).max(100).optional().openapi({ description: '确认待确认的项目（description、parameters.<参数名>）；修改了取值的项目也视为已确认' }),
});
const AdoptBody = z.object({
  formId: z.string().max(64),
  version: z.number().int().min(1),
  revision: z.number().int().min(1).openapi({ description: '活动的 revision：已被他人修改则 409' }),
  moveOpen: z.boolean().optional().openapi({ description: '同时把本活动中该表旧版本的草稿和被退回的表迁移到新版本' }),
});
const campaignId = z.object({ id: z.string() });

const read = createRoute({
  method: 'get', path: '/campaigns/{id}', tags: ['活动'], summary: '活动详情及其表单声明的参数（管理员）',
  request: { params: campaignId },
  responses: { 200: json(CampaignDetail, '活动'), ...commonErrors, 404: json(ProblemSchema, '不存在') },
});
const create = createRoute({
  method: 'post', path: '/campaigns', tags: ['活动'], summary: '新建活动，或复制一个活动为下一年的活动（管理员）',
  request: jsonBody(NewCampaign),
  responses: { 201: json(CampaignDetail, '已创建'), ...commonErrors, 409: json(ProblemSchema, '编号已存在') },
});
const adopt = createRoute({
  method: 'post', path: '/campaigns/{id}/adopt', tags: ['活动'], summary: '活动采用某表单的另一个已发布版本（管理员；记录采用人、时间和版本）',
  request: { params: campaignId, ...jsonBody(AdoptBody) },
  responses: {
    200: json(CampaignDetail.extend({
      moved: z.object({ moved: z.number(), left: z.number() }).optional().openapi({ description: 'moveOpen 时：迁移的草稿和被退回的表的数量，及因反复被修改而未迁移的数量' }),
    }), '已采用（revision 加一）'), ...commonErrors, 404: json(ProblemSchema, '不存在'),
    409: json(ProblemSchema, '活动已被他人修改（stale_revision）或已关闭'), 422: json(ProblemSchema, '该版本需要活动未提供的参数，或其测试用例在本活动参数下未通过'),
  },
});
const update = createRoute({
  method: 'patch', path: '/campaigns/{id}', tags: ['活动'], summary: '修改活动：名称、参数、表单、开放或关闭、覆盖的行政区划（管理员）',
  request: { params: campaignId, ...jsonBody(CampaignPatch) },
  responses: {
    200: json(CampaignDetail, '已修改（revision 加一）'), ...commonErrors, 404: json(ProblemSchema, '不存在'),
    409: json(ProblemSchema, '活动已被他人修改：code 为 stale_revision，details.revision 为当前版本，未作任何修改'),
    422: json(ProblemSchema, '有待确认的项目时不能开放（unconfirmed_campaign，details.unconfirmed 列出各项）'),
  },
});

export function campaignRoutes(deps: Deps) {
  const { store, clock } = deps;
  const detail = async (campaign: CampaignRecord) => {
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
