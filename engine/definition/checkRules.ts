// Checks the rules block: each rule's syntax and references, that targets exist, that computed
// fields are read-only leaves computed once, that validation ids are unique, and that the
// computed values and visibility conditions can be ordered (no cycles).
import { buildRuleNodes, orderNodes } from '../computed/ruleNodes';
import { checkRuleSyntax } from '../rules/checkRuleSyntax';
import type { FieldIndex } from '../schema/fieldIndex';
import type { DefinitionProblem, FormDefinition } from '../types';
import { checkMessageReferences, checkRuleReferences } from './checkReferences';

function error(path: string, message: string): DefinitionProblem {
  return { path, message, severity: 'error' };
}

/** Syntax then references of one rule; references only when the syntax holds. */
export function checkRule(
  rule: unknown,
  pointer: string,
  definition: FormDefinition,
  index: FieldIndex,
  ruleTable: string | null,
  allowApproval = false,
): DefinitionProblem[] {
  const syntax = checkRuleSyntax(rule, pointer);
  if (syntax.length > 0) return syntax;
  return checkRuleReferences(rule, pointer, { definition, index, ruleTable, allowApproval });
}

/** A message names its field by code ("A28 …") or leads with the field's label ("4 (1) 粮食作物：…"). */
function namesField(message: string, code: string, title: string): boolean {
  if (message.includes(code)) return true;
  const lead = message.split(/[：:，,]/)[0]!.replace(/\s+/g, '');
  const label = title.replace(/\s+/g, '');
  return lead.length > 0 && (label.startsWith(lead) || label.startsWith(code + lead));
}

export function checkRules(definition: FormDefinition, index: FieldIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const rules = definition.rules ?? {};
  const sectionIds = new Set((definition.sections ?? []).map((s) => s.id));

  (rules.visibility ?? []).forEach((r, i) => {
    const base = `/rules/visibility/${i}`;
    if (r.field !== undefined && !index.fields.has(r.field)) problems.push(error(`${base}/field`, `显示条件的目标字段 "${r.field}" 不存在`));
    if (r.section !== undefined && !sectionIds.has(r.section)) problems.push(error(`${base}/section`, `显示条件的目标分区 "${r.section}" 不存在`));
    const table = r.field !== undefined ? index.fields.get(r.field)?.table ?? null : null;
    problems.push(...checkRule(r.when, `${base}/when`, definition, index, table));
  });

  const computedOnce = new Set<string>();
  (rules.computed ?? []).forEach((r, i) => {
    const base = `/rules/computed/${i}`;
    const info = index.fields.get(r.field);
    if (!info) {
      problems.push(error(`${base}/field`, `计算字段 "${r.field}" 不存在`));
    } else {
      if (info.kind !== 'leaf') problems.push(error(`${base}/field`, `计算字段 ${r.field} 应为单个值，不能是表格或分组`));
      if (!info.readOnly) problems.push(error(`${base}/field`, `计算字段 ${r.field} 必须在 schema 中标为只读（"readOnly": true）`));
      if (computedOnce.has(r.field)) problems.push(error(`${base}/field`, `字段 ${r.field} 有多条计算规则`));
      computedOnce.add(r.field);
    }
    problems.push(...checkRule(r.value, `${base}/value`, definition, index, info?.table ?? null));
  });

  const ids = new Set<string>();
  (rules.validations ?? []).forEach((r, i) => {
    const base = `/rules/validations/${i}`;
    const info = index.fields.get(r.field);
    if (!info) problems.push(error(`${base}/field`, `校验规则 ${r.id} 所属字段 "${r.field}" 不存在`));
    if (ids.has(r.id)) problems.push(error(`${base}/id`, `校验规则编号 "${r.id}" 重复`));
    ids.add(r.id);
    const table = info?.table ?? null;
    if (r.when !== undefined) problems.push(...checkRule(r.when, `${base}/when`, definition, index, table));
    problems.push(...checkRule(r.assert, `${base}/assert`, definition, index, table));
    problems.push(...checkMessageReferences(r.message, `${base}/message`, { definition, index, ruleTable: table }));
    if (info && !namesField(r.message, info.code, info.title)) {
      problems.push({ path: `${base}/message`, message: `提示信息最好写明字段编码 ${info.code} 或字段名称“${info.title}”，方便填表人找到`, severity: 'warning' });
    }
  });

  const order = orderNodes(buildRuleNodes(definition, index));
  if (!order.ok) {
    problems.push(error('/rules', `计算字段或显示条件存在循环依赖：${order.cycle.join(' → ')}`));
  }
  return problems;
}
