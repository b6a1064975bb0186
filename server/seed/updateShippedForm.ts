// At start, for a form the database already has: a definition in form-definitions/ that differs
// from every version published from form-definitions before becomes the form's next version, by
// 'system', as an administrator's publication would (checked, every shipped case run under each
// adopting campaign, the changes listed). It reaches the open campaigns that have no submission of
// the form yet; a campaign with submissions keeps its version until an administrator adopts the
// new one (adoptionChoices.ts). Never over an administrator's work: a form whose latest version an
// administrator published is left alone (logged). A definition published before — the same, or an
// older one from a server of an earlier release starting beside a newer one — is never published
// again. The form's test cases become the shipped ones when they are still those of the latest
// version (an administrator's own cases are kept).
import type { FormCase, FormDefinition } from '@engine';
import { RESERVED_USERNAME } from '@engine/contract/accounts';
import { adoptingCampaigns, adoptionChoices } from '../campaigns/adoptionChoices';
import type { Deps } from '../deps';
import { checkPublication } from '../forms/checkPublication';
import { Problem } from '../problem';
import { canonicalJson } from '../submissions/requestHash';

/** Who publishes the shipped definitions. */
export const SHIPPED_BY = RESERVED_USERNAME;

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** Answers the version published, or null when none was. */
export async function updateShippedForm(deps: Deps, definition: FormDefinition, shipped: FormCase[] | undefined): Promise<number | null> {
  const { store, clock, log } = deps;
  const id = definition.id;
  const versions = await store.listFormVersions(id);
  const latest = versions.at(-1);
  if (!latest) return null;
  for (const v of versions.filter((x) => x.publishedBy === SHIPPED_BY)) {
    if (same((await store.getFormVersion(id, v.version))?.definition, definition)) return null;
  }
  if (latest.publishedBy !== SHIPPED_BY) {
    log.info(`表单 ${id}：form-definitions 中的定义有更新，但管理员已发布第 ${latest.version} 版，未覆盖（可在表单设计器中对照修改）`);
    return null;
  }
  const previous = (await store.getFormVersion(id, latest.version))!.definition;
  const cases = shipped ?? [];
  const adopting = adoptingCampaigns(await adoptionChoices(store, id), await store.listCampaigns(), undefined);
  let changes: string[];
  try {
    changes = checkPublication(definition, previous, cases, adopting).changes;
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    log.error(`表单 ${id} 的新定义未发布：${e.message}`);
    return null;
  }
  const keptCases = await store.getFormCases(id);
  const casesUnchanged = keptCases === null || same(keptCases, (await store.getVersionCases(id, latest.version)) ?? []);
  const at = clock.now().toISOString();
  const version = await store.publishVersion({
    formId: id, definition, by: SHIPPED_BY, at, changes: ['来自 form-definitions 的新版本', ...changes], cases,
    adopt: adopting.map((c) => ({ campaignId: c.id, at, userId: SHIPPED_BY, username: SHIPPED_BY, moveOpen: false })),
  });
  if (casesUnchanged) await store.saveFormCases(id, cases);
  const kept = (await store.listCampaigns()).filter((c) => c.status === 'open' && c.forms.includes(id) && !adopting.some((a) => a.id === c.id));
  log.info(`表单 ${id}：已发布第 ${version} 版（来自 form-definitions）${adopting.length ? `，活动 ${adopting.map((c) => c.id).join('、')} 已采用` : ''}${
    kept.length ? `；活动 ${kept.map((c) => c.id).join('、')} 已有填报，仍用原版本，可在表单设计器中采用新版本` : ''}`);
  return version;
}
