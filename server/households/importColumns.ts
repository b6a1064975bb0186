// The columns of the household import file, as an office clerk reads them: one row per person,
// the household's columns (行政区划代码 … 主要返贫致贫风险) then the member's (成员姓名,
// 成员证件号码, 与户主关系 …). Rows with the same 户主证件号码 are one household; its columns
// may be filled on its first row only. Headers are Chinese; a column may also be headed by its
// field name (divisionCode, idNumber…), as an export from another system might be.
import { HOUSEHOLD_KINDS, MEMBER_FIELDS } from '@engine';

export interface ImportColumn {
  header: string;
  /** The household field, or the member field for `member` columns. */
  field: string;
  member: boolean;
  kind: 'text' | 'id' | 'code' | 'year-month' | 'boolean' | 'number';
  required?: boolean;
  /** Allowed values (a drop-down list in the template). */
  options?: readonly string[];
  /** A line for the instructions sheet. */
  note?: string;
}

const GENDERS = ['男', '女'] as const;
const ID_TYPES = ['居民身份证', '残疾人证'] as const;
const RELATIONS = ['户主', '配偶', '之子', '之女', '之儿媳', '之女婿', '之孙子', '之孙女', '之外孙子', '之外孙女', '之父', '之母', '之岳父', '之岳母', '之公公', '之婆婆', '之祖父', '之祖母', '之外祖父', '之外祖母', '之兄弟姐妹', '其他'] as const;

export const HOUSEHOLD_COLUMNS: ImportColumn[] = [
  { header: '行政区划代码', field: 'divisionCode', member: false, kind: 'code', required: true, note: '12 位村级代码，须是系统中已有的村' },
  { header: '户主姓名', field: 'headName', member: false, kind: 'text', required: true },
  { header: '户主证件号码', field: 'headIdNumber', member: false, kind: 'id', required: true, note: '18 位居民身份证号或 20 位残疾人证号；同一户的各行填同一个号码' },
  { header: '联系电话', field: 'phone', member: false, kind: 'code' },
  { header: '家庭住址', field: 'address', member: false, kind: 'text' },
  { header: '户类型', field: 'kind', member: false, kind: 'text', options: HOUSEHOLD_KINDS },
  { header: '纳入监测年月', field: 'identifiedMonth', member: false, kind: 'year-month', note: '如 2021-06' },
  { header: '风险消除年月', field: 'riskEliminatedMonth', member: false, kind: 'year-month', note: '如 2021-12；未消除的留空' },
  { header: '风险消除方式', field: 'riskEliminationMethod', member: false, kind: 'text', options: ['帮扶消除', '自然消除'] },
  { header: '主要返贫致贫风险', field: 'mainRisk', member: false, kind: 'text' },
];

const MEMBER_OPTIONS: Record<string, readonly string[]> = { gender: GENDERS, idType: ID_TYPES, relation: RELATIONS };

export const MEMBER_COLUMNS: ImportColumn[] = [
  { header: '成员姓名', field: 'name', member: true, kind: 'text', note: '每位家庭成员一行（含户主本人）；只登记户的信息时留空' },
  { header: '成员证件号码', field: 'idNumber', member: true, kind: 'id' },
  ...['relation', 'gender', 'idType', ...Object.keys(MEMBER_FIELDS)]
    .filter((field, i, all) => !['name', 'idNumber', 'addReason'].includes(field) && all.indexOf(field) === i)
    .map((field) => [field, MEMBER_FIELDS[field]!] as const)
    .map(([field, f]): ImportColumn => ({
      header: f.title, field, member: true,
      kind: f.type === 'boolean' ? 'boolean' : f.type === 'number' ? 'number' : 'text',
      ...(f.type === 'boolean' ? { options: ['是', '否'] } : MEMBER_OPTIONS[field] ? { options: MEMBER_OPTIONS[field] } : {}),
    })),
];

export const IMPORT_COLUMNS: ImportColumn[] = [...HOUSEHOLD_COLUMNS, ...MEMBER_COLUMNS];

const squash = (s: string) => s.replace(/\s+/g, '');

/** The column a header names (its Chinese title, or its field name), or null. */
export function columnOfHeader(header: string): ImportColumn | null {
  const h = squash(header);
  return IMPORT_COLUMNS.find((c) => squash(c.header) === h)
    ?? IMPORT_COLUMNS.find((c) => (c.member ? `member.${c.field}` : c.field) === h || (c.member && c.field === h && !HOUSEHOLD_COLUMNS.some((x) => x.field === h)))
    ?? null;
}
