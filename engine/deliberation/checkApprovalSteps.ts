// A campaign's 民主评议 and 公示 steps must fit its forms: each form listed in the campaign and
// reviewed in levels, each step before one of the form's levels and held below it (the village
// before the township approves), a notice with its period in days. Chinese messages with paths.
import { allReviewLevels } from '../review/reviewChain';
import type { ApprovalStep, Campaign, DefinitionProblem, FormDefinition } from '../types';

const MAX_STEPS = 10;
const ID = /^[a-z][a-z0-9-]{0,39}$/;

function stepProblems(step: ApprovalStep, definition: FormDefinition, formId: string): string[] {
  const problems: string[] = [];
  if (typeof step.id !== 'string' || !ID.test(step.id)) problems.push('步骤编号应为小写字母开头的字母、数字或短横线');
  if (step.kind !== 'appraisal' && step.kind !== 'notice') problems.push('步骤类型应为 appraisal（民主评议）或 notice（公示）');
  if (typeof step.title !== 'string' || !step.title.trim() || step.title.length > 40) problems.push('步骤名称不能为空，最多 40 个字');
  const levels = allReviewLevels(definition);
  const level = levels.find((l) => l.id === step.before);
  if (!level) {
    problems.push(`审核级别“${String(step.before)}”不存在（表单 ${formId} 的审核级别：${levels.map((l) => `${l.id}（${l.title}）`).join('、') || '无'}）`);
  }
  const digits = step.divisionDigits ?? 12;
  if (digits !== 12 && digits !== 9) problems.push('组织单位应为 12（村）或 9（乡镇）');
  else if (level && digits <= level.divisionDigits) problems.push(`须由“${level.title}”以下的一级组织（村或乡镇），在其审核之前完成`);
  if (step.kind === 'notice') {
    if (!Number.isInteger(step.days) || step.days! < 1 || step.days! > 30) problems.push('公示天数应为 1 至 30 的整数');
  } else if (step.days !== undefined) {
    problems.push('只有公示步骤设公示天数');
  }
  return problems;
}

export function checkApprovalSteps(campaign: Campaign, definitions: ReadonlyMap<string, FormDefinition>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const error = (path: string, message: string) => problems.push({ path, message, severity: 'error' });
  for (const [formId, steps] of Object.entries(campaign.approvalSteps ?? {})) {
    const base = `/approvalSteps/${formId}`;
    const definition = definitions.get(formId);
    if (!campaign.forms.includes(formId) || !definition) {
      error(base, `表单 ${formId} 不在本活动中，不能为其设民主评议或公示`);
      continue;
    }
    if (!definition.review?.levels?.length) {
      error(base, `表单 ${formId}（${definition.title}）没有审核级别，不能设民主评议或公示`);
      continue;
    }
    if (!Array.isArray(steps) || steps.length > MAX_STEPS) {
      error(base, `步骤应为列表，最多 ${MAX_STEPS} 步`);
      continue;
    }
    const seen = new Set<string>();
    steps.forEach((step, i) => {
      for (const message of stepProblems(step, definition, formId)) error(`${base}/${i}`, `第 ${i + 1} 步（${step.title || step.id}）：${message}`);
      if (seen.has(step.id)) error(`${base}/${i}/id`, `第 ${i + 1} 步：步骤编号 ${step.id} 重复`);
      seen.add(step.id);
    });
  }
  return problems;
}
