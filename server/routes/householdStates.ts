// GET /api/households/states: the officer's work at a glance. For the forms of the open campaigns
// that cover the user's area, every household of the area (or of one village) with the state of
// each submission it has (draft, submitted, returned with the reviewer's comment, approved), and
// the forms each household kind is expected to fill, so the client can name the ones not started.
// Read in one query over the area, never one per household; the phone keeps the answer for the
// day offline and merges its own drafts and queue into it (client/offline/householdStates.ts).
import { createRoute } from '@hono/zod-openapi';
import { HouseholdStatesQuerySchema, HouseholdStatesSchema } from '@engine/contract/households';
import { queryScope } from '../auth/scope';
import type { Deps } from '../deps';
import { createRouter } from '../http/createRouter';
import { requireUser } from '../http/requireUser';
import { Problem } from '../problem';
import { campaignScope } from '../reports/progressScope';
import { commonErrors, json } from './schemas';

/** More households than a phone should hold in one answer: ask for a village or a township. */
export const MAX_STATE_HOUSEHOLDS = 5000;

const route = createRoute({
  method: 'get', path: '/households/states', tags: ['农户'],
  summary: '本人范围内各户在开放活动各表中的填报状态（未填、草稿、已提交待审核、被退回、已通过）',
  request: { query: HouseholdStatesQuerySchema },
  responses: { 200: json(HouseholdStatesSchema, '各户状态'), ...commonErrors },
});

export function householdStateRoutes(deps: Deps) {
  const { store } = deps;
  return createRouter().openapi(route, async (c) => {
    const user = requireUser(c);
    const { division } = c.req.valid('query');
    const scope = queryScope(user);
    const { total } = await store.listHouseholds({ scope, division }, { page: 1, pageSize: 1 });
    if (total > MAX_STATE_HOUSEHOLDS) {
      throw new Problem('bad_request', `请求字段 division 不正确：范围内有 ${total} 户，超过 ${MAX_STATE_HOUSEHOLDS} 户，请指定村或乡镇`);
    }
    const published = new Map((await store.listForms()).filter((f) => f.latestVersion !== null).map((f) => [f.id, f.latestVersion!]));
    const campaigns = (await store.listCampaigns()).filter((x) => x.status === 'open' && campaignScope(scope, x).length > 0);
    const forms = [];
    for (const campaign of campaigns) {
      for (const formId of campaign.forms) {
        // The version the campaign serves: its title and the kinds it expects.
        const version = campaign.formVersions[formId] ?? published.get(formId);
        const definition = version === undefined ? null : (await deps.forms.get(formId, version))?.record.definition;
        if (!definition) continue;
        forms.push({
          campaignId: campaign.id, campaignTitle: campaign.title, year: campaign.year, formId, formTitle: definition.title,
          kinds: definition.appliesTo?.kinds ?? null, divisions: campaign.divisions,
        });
      }
    }
    const states = await store.listHouseholdStates({
      scope, division, campaignIds: campaigns.map((x) => x.id), formIds: [...new Set(forms.map((f) => f.formId))],
    });
    // A campaign keeps only its own forms' submissions (a form may have left it since).
    const used = new Set(forms.map((f) => `${f.campaignId}|${f.formId}`));
    const shown = <T extends { campaignId: string; formId: string }>(s: T) => used.has(`${s.campaignId}|${s.formId}`);
    const glance = ({ id, formId, campaignId, status: st, revision, returnComment, updatedAt }: (typeof states.unregistered)[number]) =>
      ({ id, formId, campaignId, status: st, revision, returnComment, updatedAt });
    return c.json({
      forms,
      households: states.households.map((h) => ({ ...h, submissions: h.submissions.filter(shown).map(glance) })),
      unregistered: states.unregistered.filter(shown).map((s) => ({ ...glance(s), divisionCode: s.divisionCode, headName: s.headName })),
      at: deps.clock.now().toISOString(),
    }, 200);
  });
}
