// A campaign as an administrator saves it must be one officers can fill: every form it lists is
// published, every division it covers exists, and its parameters supply what the version of each
// form it serves declares (a form newly listed: its latest), with values of the declared type
// (the engine's checkCampaign). Problems are 400s naming the request field ("parameters.incomeLine"), in Chinese.
import { checkCampaign, type FormDefinition, type ParameterDeclaration } from '@engine';
import type { Deps } from '../deps';
import { Problem } from '../problem';
import type { CampaignFields } from '../store/records';

/**
 * The definition of each form the campaign serves, by id: the version it names, else (a form just
 * listed) the latest published; a form never published is absent.
 */
export async function servedDefinitions(deps: Deps, campaign: Pick<CampaignFields, 'forms' | 'formVersions'>): Promise<Map<string, FormDefinition>> {
  const out = new Map<string, FormDefinition>();
  for (const id of campaign.forms) {
    const version = campaign.formVersions?.[id] ?? (await deps.store.getForm(id))?.latestVersion ?? null;
    if (version === null) continue;
    const loaded = await deps.forms.get(id, version);
    if (loaded) out.set(id, loaded.record.definition);
  }
  return out;
}

/** Every parameter the forms declare, with the forms that declare it. */
export function declaredParameters(definitions: Map<string, FormDefinition>): Record<string, ParameterDeclaration & { forms: string[] }> {
  const out: Record<string, ParameterDeclaration & { forms: string[] }> = {};
  for (const [id, definition] of definitions) {
    for (const [name, declaration] of Object.entries(definition.parameters ?? {})) {
      out[name] ??= { ...declaration, forms: [] };
      out[name].forms.push(id);
    }
  }
  return out;
}

const fieldOf = (path: string) => path.split('/').filter(Boolean).join('.');

export async function validateCampaign(deps: Deps, campaign: CampaignFields): Promise<void> {
  const seen = new Set<string>();
  for (const [i, id] of campaign.forms.entries()) {
    if (seen.has(id)) throw new Problem('bad_request', `请求字段 forms.${i} 不正确：表单 ${id} 重复列出`);
    seen.add(id);
    const form = await deps.store.getForm(id);
    if (!form) throw new Problem('bad_request', `请求字段 forms.${i} 不正确：表单 ${id} 不存在`);
    if (form.latestVersion === null) throw new Problem('bad_request', `请求字段 forms.${i} 不正确：表单“${form.title}”尚未发布`);
  }
  for (const [i, code] of campaign.divisions.entries()) {
    if (!(await deps.store.getDivision(code))) throw new Problem('bad_request', `请求字段 divisions.${i} 不正确：行政区划 ${code} 不存在`);
  }
  const problems = checkCampaign(
    { id: campaign.id, title: campaign.title, year: campaign.year, parameters: campaign.parameters, forms: campaign.forms, approvalSteps: campaign.approvalSteps },
    await servedDefinitions(deps, campaign),
  );
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new Problem('bad_request', `请求字段 ${fieldOf(first.path)} 不正确：${first.message}`, problems.map((p) => ({ field: fieldOf(p.path), message: p.message })));
  }
}
