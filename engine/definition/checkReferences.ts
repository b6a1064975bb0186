// Checks that every var a rule or message reads exists: form fields (walking tables and nested
// objects), declared campaign parameters, registry fields, the current row's columns, the
// columns of the table an iterator walks.
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../registry/householdFields';
import { collectVarRefs, type VarRef } from '../rules/collectVarRefs';
import { ROOT } from '../rules/ruleScope';
import type { FieldIndex } from '../schema/fieldIndex';
import type { DefinitionProblem, FormDefinition } from '../types';

export interface ReferenceContext {
  definition: FormDefinition;
  index: FieldIndex;
  /** The table a row rule works on ("members"), so $row.X can be checked. */
  ruleTable: string | null;
  /** Effects may read $approval.month. */
  allowApproval?: boolean;
}

function error(path: string, message: string): DefinitionProblem {
  return { path, message, severity: 'error' };
}

/** Whether a dotted data path names something the schema has. */
export function resolvesInSchema(path: string, index: FieldIndex): boolean {
  const segments = path.split('.');
  let info = index.fields.get(segments[0]!);
  if (!info) return false;
  for (const segment of segments.slice(1)) {
    if (/^\d+$/.test(segment) && (info.kind === 'table' || info.schema.type === 'array')) continue;
    if (info.kind === 'leaf') return false;
    info = index.fields.get(`${info.key}.${segment}`);
    if (!info) return false;
  }
  return true;
}

function columnsOf(table: string, index: FieldIndex): Set<string> | null {
  if (table === '$household.members') return new Set(Object.keys(MEMBER_FIELDS));
  const info = index.fields.get(table);
  if (info?.kind !== 'table') return null;
  const columns = new Set<string>();
  for (const field of index.fields.values()) if (field.parent === table) columns.add(field.code);
  return columns;
}

export function checkPath(path: string, pointer: string, ctx: ReferenceContext): DefinitionProblem | null {
  const [head, second] = path.split('.');
  if (path === '') return error(pointer, 'var 路径不能为空（空路径只在 map、filter 等内部表示当前元素）');
  if (head === '$params') {
    if (!second || !Object.hasOwn(ctx.definition.parameters ?? {}, second)) {
      return error(pointer, `未声明的活动参数 "${path}"：请先在 parameters 中声明 ${second ?? ''}`);
    }
    return null;
  }
  if (head === '$household') {
    if (!second || !Object.hasOwn(HOUSEHOLD_FIELDS, second)) return error(pointer, `户信息中没有字段 "${second ?? ''}"`);
    return null;
  }
  if (head === '$row') {
    if (!ctx.ruleTable) return error(pointer, '$row 只能用于表格列上的规则');
    if (!second || !columnsOf(ctx.ruleTable, ctx.index)?.has(second)) {
      return error(pointer, `表格 ${ctx.ruleTable} 中没有列 "${second ?? ''}"`);
    }
    return null;
  }
  if (head === '$approval') {
    if (!ctx.allowApproval || path !== '$approval.month') return error(pointer, '$approval.month 只能用于审核通过后的登记效果');
    return null;
  }
  if (head!.startsWith('$')) return error(pointer, `未知的上下文 "${head}"（可用 $params、$household、$row）`);
  if (!resolvesInSchema(path, ctx.index)) return error(pointer, `规则引用了不存在的字段 "${path}"`);
  return null;
}

function checkElementRef(ref: VarRef, pointer: string, ctx: ReferenceContext): DefinitionProblem | null {
  if (ref.scope.kind !== 'element' || ref.scope.table === null || ref.path === null) return null;
  const columns = columnsOf(ref.scope.table, ctx.index);
  if (!columns) return null;
  let path = ref.path;
  if (ref.scope.reduce) {
    if (path === 'accumulator' || path.startsWith('accumulator.')) return null;
    if (path !== 'current' && !path.startsWith('current.')) {
      return error(pointer, `reduce 内只能读取 current.列名 或 accumulator（"${path}"）`);
    }
    path = path.slice('current.'.length);
  }
  if (path === '' || path === 'current') return null;
  const column = path.split('.')[0]!;
  if (!columns.has(column)) return error(pointer, `表格 ${ref.scope.table} 中没有列 "${column}"`);
  return null;
}

/** Problems with the vars of one rule found at `pointer` in the definition. */
export function checkRuleReferences(rule: unknown, pointer: string, ctx: ReferenceContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const ref of collectVarRefs(rule, ROOT, pointer)) {
    if (ref.path === null) continue;
    const problem = ref.scope.kind === 'root' ? checkPath(ref.path, ref.pointer, ctx) : checkElementRef(ref, ref.pointer, ctx);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Placeholders of a message ("{{A34}}"), each checked like a var. */
export function checkMessageReferences(message: string, pointer: string, ctx: ReferenceContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const match of message.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    const problem = checkPath(match[1]!, pointer, ctx);
    if (problem) problems.push({ ...problem, message: `消息中的 {{${match[1]}}}：${problem.message}` });
  }
  return problems;
}
