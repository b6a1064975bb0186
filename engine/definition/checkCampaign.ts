// A campaign supplies every parameter its forms declare, with a value of the declared type, and
// its 民主评议 and 公示 steps fit its forms (checkApprovalSteps).
import type { Campaign, DefinitionProblem, FormDefinition, ParameterDeclaration } from '../types';
import { explainYearMonth } from '../formats/simpleFormats';
import { MAX_PARAMETER_LENGTH } from '../budget/limits';
import { checkApprovalSteps } from '../deliberation/checkApprovalSteps';

function typeProblem(declaration: ParameterDeclaration, value: unknown): string | null {
  switch (declaration.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : '应为数字';
    case 'string':
      if (typeof value !== 'string' || value === '') return '应为文字';
      return value.length > MAX_PARAMETER_LENGTH ? `最多 ${MAX_PARAMETER_LENGTH} 个字` : null;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? null : '应为日期（如 2021-09-30）';
    case 'year-month':
      return typeof value === 'string' ? explainYearMonth(value) : '应为年月（如 2021-09）';
  }
}

export function checkCampaign(campaign: Campaign, definitions: ReadonlyMap<string, FormDefinition>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  campaign.forms.forEach((formId, i) => {
    const definition = definitions.get(formId);
    if (!definition) {
      problems.push({ path: `/forms/${i}`, message: `活动引用的表单 "${formId}" 不存在`, severity: 'error' });
      return;
    }
    for (const [name, declaration] of Object.entries(definition.parameters ?? {})) {
      if (!Object.hasOwn(campaign.parameters, name)) {
        problems.push({ path: `/parameters/${name}`, message: `表单 ${formId} 需要参数 ${name}（${declaration.title}），活动未提供`, severity: 'error' });
        continue;
      }
      const problem = typeProblem(declaration, campaign.parameters[name]);
      if (problem) problems.push({ path: `/parameters/${name}`, message: `参数 ${name}（${declaration.title}）${problem}`, severity: 'error' });
    }
  });
  problems.push(...checkApprovalSteps(campaign, definitions));
  return problems;
}
