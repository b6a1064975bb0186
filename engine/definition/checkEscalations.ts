// Checks review.escalations: each one's id is unique, its condition is a well-formed rule that
// reads the submitted data only (a stored submission's chain must follow from the submission:
// no $params, $household, $row or $approval), and the level it sends the final approval to is
// above the first level of the usual chain (a county 6 or city 4 above a township 9).
import { collectVarRefs } from '../rules/collectVarRefs';
import type { FieldIndex } from '../schema/fieldIndex';
import type { DefinitionProblem, FormDefinition } from '../types';
import { checkRule } from './checkRules';

function error(path: string, message: string): DefinitionProblem {
  return { path, message, severity: 'error' };
}

export function checkEscalations(definition: FormDefinition, index: FieldIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const first = definition.review?.levels[0];
  const ids = new Set<string>();
  (definition.review?.escalations ?? []).forEach((escalation, i) => {
    const base = `/review/escalations/${i}`;
    if (ids.has(escalation.id)) problems.push(error(`${base}/id`, `审核升级规则编号 "${escalation.id}" 重复`));
    ids.add(escalation.id);
    const ruleProblems = checkRule(escalation.when, `${base}/when`, definition, index, null);
    problems.push(...ruleProblems);
    if (ruleProblems.length === 0) {
      for (const ref of collectVarRefs(escalation.when)) {
        if (ref.scope.kind === 'root' && ref.path?.startsWith('$')) {
          problems.push(error(`${base}/when${ref.pointer}`, `审核升级规则 ${escalation.id} 只能读取本表填写的内容，不能读取 ${ref.path.split('.')[0]}`));
        }
      }
    }
    const level = escalation.level;
    if (typeof level !== 'object' || level === null) {
      problems.push(error(`${base}/level`, '审核升级规则须写明最终审核级别 level（id、title、divisionDigits）'));
    } else if (level.divisionDigits === 12) {
      problems.push(error(`${base}/level/divisionDigits`, '最终审核级别不能是村级（12 位）：村级采集，由上级审核'));
    } else if (first && level.divisionDigits >= first.divisionDigits) {
      problems.push(error(`${base}/level/divisionDigits`, `最终审核级别“${level.title}”应高于第一级审核“${first.title}”（代码位数更少，如县 6 位高于乡镇 9 位）`));
    }
  });
  return problems;
}
