// At every start: the definitions and campaigns in form-definitions/ that the database does not
// have yet are published with their test cases (cases.json), which every later publication runs
// (idempotent: a known campaign is left as the administrators made it; a known form that has no
// cases yet gets the shipped ones once; a known form whose shipped definition changed gets it as a
// new version unless an administrator has published one, updateShippedForm.ts). A definition with
// errors is reported and skipped.
import { checkCampaign, checkDefinition } from '@engine';
import type { Deps } from '../deps';
import { loadFormDirectory } from '../forms/loadFormDirectory';
import { SHIPPED_BY, updateShippedForm } from './updateShippedForm';

export async function loadPublishedForms(deps: Deps, dir: string): Promise<{ forms: string[]; campaigns: string[] }> {
  const { store, clock, log } = deps;
  const { definitions, cases, campaigns, loadErrors } = loadFormDirectory(dir);
  for (const message of loadErrors) log.error(message);
  const published: string[] = [];
  for (const [id, definition] of definitions) {
    const shipped = cases.get(id);
    if (await store.getForm(id)) {
      // A form published by an earlier start, before cases were kept: its shipped cases, once.
      if (shipped && (await store.getFormCases(id)) === null) await store.saveFormCases(id, shipped);
      if ((await updateShippedForm(deps, definition, shipped)) !== null) published.push(id);
      continue;
    }
    const errors = checkDefinition(definition).filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      log.error(`表单 ${id} 有 ${errors.length} 处错误，未发布：${errors.map((e) => `${e.path} ${e.message}`).join('；')}`);
      continue;
    }
    const at = clock.now().toISOString();
    await store.createForm({ id, title: definition.title, createdAt: at });
    await store.saveFormCases(id, shipped ?? []);
    await store.publishVersion({ formId: id, definition, by: SHIPPED_BY, at, changes: ['初始版本（来自 form-definitions）'], cases: shipped });
    published.push(id);
  }
  const added: string[] = [];
  for (const campaign of campaigns) {
    if (await store.getCampaign(campaign.id)) continue;
    const problems = checkCampaign(campaign, definitions);
    if (problems.length > 0) {
      log.error(`活动 ${campaign.id} 有错误，未加载：${problems.map((p) => p.message).join('；')}`);
      continue;
    }
    await store.createCampaign({
      id: campaign.id, title: campaign.title, year: campaign.year, description: campaign.description ?? '',
      parameters: campaign.parameters, forms: campaign.forms, status: 'open', divisions: [], createdAt: clock.now().toISOString(),
      approvalSteps: campaign.approvalSteps ?? {},
    });
    added.push(campaign.id);
  }
  return { forms: published, campaigns: added };
}
