// A readable list of what changed between two versions of a form, for the publish history and the
// administrator's confirmation: "新增字段 A56 …", "A34 的计算公式已修改", "校验 kind-below-line 的提示已修改".
import { buildFieldIndex, optionsOf, type FieldInfo } from '../schema/fieldIndex';
import type { FormDefinition } from '../types';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function fieldChanges(before: FieldInfo, after: FieldInfo): string[] {
  const out: string[] = [];
  const name = after.title;
  if (before.title !== after.title) out.push(`字段 ${after.key} 的名称由“${before.title}”改为“${after.title}”`);
  if (before.required !== after.required) out.push(`${name} ${after.required ? '改为必填' : '改为选填'}`);
  if (!same(optionsOf(before.schema), optionsOf(after.schema)) || !same((before.schema.items as { enum?: unknown })?.enum, (after.schema.items as { enum?: unknown })?.enum)) {
    out.push(`${name} 的选项已修改`);
  }
  for (const [keyword, label] of [['minimum', '最小值'], ['maximum', '最大值'], ['minLength', '最少字数'], ['maxLength', '最多字数'], ['pattern', '格式'], ['format', '格式'], ['type', '类型']] as const) {
    if (!same(before.schema[keyword], after.schema[keyword])) out.push(`${name} 的${label}由 ${String(before.schema[keyword] ?? '无')} 改为 ${String(after.schema[keyword] ?? '无')}`);
  }
  return out;
}

function keyed<T>(items: T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [key(item), item]));
}

function ruleChanges<T>(kind: string, before: Map<string, T>, after: Map<string, T>, label: (k: string) => string): string[] {
  const out: string[] = [];
  for (const [k, rule] of after) {
    if (!before.has(k)) out.push(`新增${kind}：${label(k)}`);
    else if (!same(before.get(k), rule)) out.push(`${kind}已修改：${label(k)}`);
  }
  for (const k of before.keys()) if (!after.has(k)) out.push(`删除${kind}：${label(k)}`);
  return out;
}

export function describeChanges(before: FormDefinition | null, after: FormDefinition): string[] {
  if (!before) return ['首个版本'];
  const out: string[] = [];
  if (before.title !== after.title) out.push(`表名由“${before.title}”改为“${after.title}”`);
  const a = buildFieldIndex(before.schema);
  const b = buildFieldIndex(after.schema);
  for (const [key, info] of b.fields) {
    const old = a.fields.get(key);
    if (!old) out.push(`新增字段 ${info.title}`);
    else out.push(...fieldChanges(old, info));
  }
  for (const [key, info] of a.fields) if (!b.fields.has(key)) out.push(`删除字段 ${info.title}`);
  const title = (k: string) => b.fields.get(k)?.title ?? a.fields.get(k)?.title ?? k;
  out.push(...ruleChanges('计算公式', keyed(before.rules?.computed, (r) => r.field), keyed(after.rules?.computed, (r) => r.field), title));
  out.push(...ruleChanges('显示条件', keyed(before.rules?.visibility, (r) => r.field ?? `分区 ${r.section}`), keyed(after.rules?.visibility, (r) => r.field ?? `分区 ${r.section}`), title));
  const messages = new Map([...(before.rules?.validations ?? []), ...(after.rules?.validations ?? [])].map((v) => [v.id, v.message]));
  out.push(...ruleChanges('校验规则', keyed(before.rules?.validations, (r) => r.id), keyed(after.rules?.validations, (r) => r.id), (id) => `${id}（${messages.get(id)}）`));
  for (const [name, p] of Object.entries(after.parameters ?? {})) if (!Object.hasOwn(before.parameters ?? {}, name)) out.push(`新增活动参数 ${name}（${p.title}）`);
  for (const [name, p] of Object.entries(before.parameters ?? {})) if (!Object.hasOwn(after.parameters ?? {}, name)) out.push(`删除活动参数 ${name}（${p.title}）`);
  if (!same(before.sections, after.sections)) out.push('分区或字段顺序已调整');
  if (!same(before.uiSchema, after.uiSchema)) out.push('界面设置（控件、提示文字）已修改');
  if (!same(before.registry, after.registry)) out.push('与农户信息的关联（预填或审核后的变更）已修改');
  if (!same(before.review, after.review)) out.push('审核流程已修改');
  if (out.length === 0) out.push('内容无变化');
  return out;
}
