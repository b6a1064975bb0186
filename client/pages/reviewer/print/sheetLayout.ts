// What a paper sheet holds, worked out from a form's definition alone: its sections in order
// (or one untitled part when the definition has none), each field as a line, a table or a
// signature, and the short titles of a table's columns so the member table fits the width of an
// A4 page. Values are read elsewhere: this module knows the form, not a submission.
import { buildFieldIndex, evidenceKind, type FieldIndex, type FieldInfo, type FormDefinition } from '@engine';

export type SheetField =
  | { kind: 'value'; field: FieldInfo }
  | { kind: 'signature'; field: FieldInfo }
  | { kind: 'table'; field: FieldInfo; columns: { field: FieldInfo; shortTitle: string }[] };

export interface SheetSection {
  id: string;
  title: string;
  fields: SheetField[];
}

export interface SheetLayout {
  index: FieldIndex;
  sections: SheetSection[];
  /** The form has signature fields of its own: no blank signing lines are added at the foot. */
  signed: boolean;
}

// Units stay in a short title (A16 务工时间（月）, A28 工资性收入（元）); notes go (（残疾人证）, （系统比对）).
const UNITS = new Set(['元', '月', '亩', '人', '岁', '年', '天', '头', '只', '斤', '公里', '平方米', '元/人']);

/** "A7 居民身份证（残疾人证）号码" -> "A7 居民身份证号码"; units in brackets are kept. */
export function shortTitle(title: string): string {
  return title.replace(/（([^（）]*)）|\(([^()]*)\)/g, (whole, full?: string, half?: string) => (UNITS.has((full ?? half ?? '').trim()) ? whole : '')).trim();
}

function sheetField(field: FieldInfo, index: FieldIndex): SheetField {
  if (field.kind === 'table') {
    const columns = [...index.fields.values()]
      .filter((c) => c.table === field.key && c.kind === 'leaf')
      .map((c) => ({ field: c, shortTitle: shortTitle(c.title) }));
    return { kind: 'table', field, columns };
  }
  return evidenceKind(field.schema) === 'signature' ? { kind: 'signature', field } : { kind: 'value', field };
}

export function sheetLayout(definition: FormDefinition): SheetLayout {
  const index = buildFieldIndex(definition.schema);
  const given = definition.sections?.length ? definition.sections : [{ id: 'all', title: '', fields: index.topLevel }];
  const placed = new Set(given.flatMap((s) => s.fields));
  const rest = index.topLevel.filter((key) => !placed.has(key));
  const all = rest.length ? [...given, { id: 'other', title: '其他', fields: rest }] : given;
  const sections = all.map((s) => ({
    id: s.id,
    title: s.title,
    fields: s.fields.flatMap((key) => {
      const field = index.fields.get(key);
      return field ? [sheetField(field, index)] : [];
    }),
  }));
  const signed = [...index.fields.values()].some((f) => evidenceKind(f.schema) === 'signature');
  return { index, sections, signed };
}
