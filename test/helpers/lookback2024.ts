// The 回头看 form as a 2024 version an administrator might publish (tests of moving answers
// between versions): C2's income brackets follow the 2024 line, D6 其他风险 is gone, D8 主要措施
// takes several measures, B1 is asked as 是/否 text, A4 is typed as text, C5 is new and required,
// and the monitors table has a new required column D2a.
import type { FormDefinition } from '@engine';
import { loadForm } from './forms';

/** The 2024 version, made from the shipped one as an administrator would in the builder. */
export function lookback2024(): FormDefinition {
  const v1 = loadForm('lookback');
  const v2 = structuredClone(v1);
  const props = v2.schema.properties as Record<string, Record<string, unknown>>;
  props.C2 = { ...props.C2, title: 'C2 估计该户2024年人均收入处于', enum: ['7300元以下', '7300-11000元', '11000-16500元', '16500元以上'] };
  delete props.D6;
  props.D8 = { type: 'array', title: props.D8!.title, items: { type: 'string', enum: props.D8!.enum }, uniqueItems: true };
  props.B1 = { type: 'string', title: props.B1!.title, enum: ['是', '否'] };
  props.A4 = { type: 'string', title: 'A4 家庭人口数' };
  props.C5 = { type: 'boolean', title: 'C5 该户2024年是否享受低保' };
  const monitors = (props.monitors!.items as { properties: Record<string, unknown>; required?: string[] });
  monitors.properties.D2a = { type: 'string', title: 'D2a 监测责任人单位' };
  monitors.required = [...(monitors.required ?? []), 'D2a'];
  v2.schema.required = [...(v2.schema.required as string[]).filter((k) => k !== 'D8'), 'C5'];
  // Rules and layout that named the removed D6 or D8's single value are the author's to fix; not this test's.
  v2.rules = { ...v2.rules, visibility: (v2.rules?.visibility ?? []).filter((r) => r.field !== 'D6'), validations: [] };
  v2.sections = v2.sections?.map((s) => ({ ...s, fields: s.fields?.filter((f) => f !== 'D6') }));
  return v2;
}

