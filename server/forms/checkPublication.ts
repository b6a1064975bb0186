// What publishing a form's draft would do, worked out before anything is written: the definition
// checked, each open campaign that adopts the new version checked for the parameters the draft
// declares, every test case run with the engine under each such campaign's parameters (so a changed formula
// cannot silently break last year's logic), and the readable list of changes since the latest
// version. Any failure is a 422 that lists every reason; nothing is published.
import { checkCampaign, checkDefinition, describeChanges, runCases, type DefinitionProblem, type FormCase, type FormDefinition } from '@engine';
import type { CaseOutcome, Publication } from '@engine/contract';
import { Problem } from '../problem';
import type { CampaignRecord } from '../store/records';

/** Throws the checker's errors as one 422 with every problem and its place. */
export function refuseDefinitionProblems(definition: unknown): DefinitionProblem[] {
  const problems = checkDefinition(definition);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new Problem('invalid_definition', `表单定义有 ${errors.length} 处错误：${errors[0]!.path || '/'} ${errors[0]!.message}`, { problems });
  }
  return problems;
}

/** One case under one campaign; a case the engine cannot even run fails with the reason, never a 500. */
function runOne(draft: FormDefinition, c: FormCase, params: Record<string, unknown>) {
  try {
    return runCases(draft, [c], params)[0]!;
  } catch (e) {
    return { name: c.name, passed: false, failures: [`运行出错：${(e as Error).message}`] };
  }
}

export function runFormCases(draft: FormDefinition, cases: FormCase[], campaigns: CampaignRecord[]): CaseOutcome[] {
  const runs = campaigns.length > 0 ? campaigns : [null];
  return runs.flatMap((campaign) => cases.map((c) => runOne(draft, c, campaign?.parameters ?? {})).map((r) => ({
    name: r.name, campaignId: campaign?.id ?? null, campaignTitle: campaign?.title ?? null, passed: r.passed, failures: r.failures,
  })));
}

/** `campaigns`: those that adopt the new version. */
export function checkPublication(
  draft: FormDefinition, previous: FormDefinition | null, cases: FormCase[], campaigns: CampaignRecord[],
): Publication {
  refuseDefinitionProblems(draft);
  const problems: DefinitionProblem[] = campaigns.flatMap((c) => checkCampaign(
    { id: c.id, title: c.title, year: c.year, parameters: c.parameters, forms: [draft.id] }, new Map([[draft.id, draft]]),
  ).map((p) => ({ ...p, message: `活动“${c.title}”：${p.message}` })));
  if (problems.length > 0) {
    throw new Problem('invalid_definition', `未发布：${problems[0]!.message}${problems.length > 1 ? ` 等 ${problems.length} 处问题` : ''}（请先在活动中设置参数）`, { problems });
  }
  const outcomes = runFormCases(draft, cases, campaigns);
  const failed = outcomes.filter((o) => !o.passed);
  if (failed.length > 0) {
    const first = failed[0]!;
    const where = first.campaignTitle ? `（活动“${first.campaignTitle}”）` : '';
    throw new Problem('invalid_definition', `有 ${failed.length} 个测试用例未通过，未发布。“${first.name}”${where}：${first.failures[0] ?? ''}`, { cases: outcomes });
  }
  return { changes: describeChanges(previous, draft), cases: outcomes, campaigns: campaigns.map((c) => ({ id: c.id, title: c.title })) };
}
