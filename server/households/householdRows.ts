// Checks a batch of households for import, row by row, before anything is written: the shape
// (zod; an ID number's lower-case final x is taken as X), ID check digits (head and members),
// the division code and that it is a known village, duplicates within the batch. Every problem names its row and field in Chinese.
import { z } from 'zod';
import {
  explainDivisionCode, explainIdOrDisabilityCertificate, explainYearMonth, HOUSEHOLD_KINDS, MEMBER_FIELDS, normalizeIdNumber, type Member,
} from '@engine';
import type { HouseholdInput } from '../store/Store';

export interface RowProblem {
  /** 1-based row number as the administrator counts rows. */
  row: number;
  field: string;
  message: string;
}

const member = z.looseObject({
  name: z.string().trim().min(1, '姓名不能为空').max(50),
  idNumber: z.string().trim().min(1, '证件号码不能为空').transform(normalizeIdNumber),
}).transform((m) => {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(MEMBER_FIELDS)) if (m[key] !== undefined && m[key] !== null && m[key] !== '') out[key] = m[key];
  return out as Member;
});

const yearMonth = z.string().trim().refine((v) => explainYearMonth(v) === null, '应为年月（如 2021-09）');

export const householdRow = z.strictObject({
  id: z.string().optional(),
  divisionCode: z.string().trim(),
  headName: z.string().trim().min(1, '户主姓名不能为空').max(50),
  headIdNumber: z.string().trim().transform(normalizeIdNumber),
  phone: z.string().trim().max(30).optional(),
  address: z.string().trim().max(200).optional(),
  kind: z.enum(HOUSEHOLD_KINDS, { message: `户类型应为 ${HOUSEHOLD_KINDS.join('、')} 之一` }).optional(),
  identifiedMonth: yearMonth.optional(),
  riskEliminatedMonth: yearMonth.optional(),
  riskEliminationMethod: z.enum(['帮扶消除', '自然消除']).optional(),
  mainRisk: z.string().trim().max(50).optional(),
  members: z.array(member).max(50).default([]),
});

export interface CheckedRows {
  households: HouseholdInput[];
  problems: RowProblem[];
}

export function checkHouseholdRows(rows: unknown[], knownDivisions: ReadonlySet<string>): CheckedRows {
  const households: HouseholdInput[] = [];
  const problems: RowProblem[] = [];
  const heads = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = i + 1;
    const parsed = householdRow.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ row, field: issue.path.join('.') || '（整行）', message: issue.message });
      return;
    }
    const h = parsed.data;
    const division = explainDivisionCode(h.divisionCode);
    if (division || h.divisionCode.length !== 12) problems.push({ row, field: 'divisionCode', message: `行政区划代码${division ?? '应为 12 位村级代码'}` });
    else if (!knownDivisions.has(h.divisionCode)) problems.push({ row, field: 'divisionCode', message: `行政区划代码 ${h.divisionCode} 不在已登记的村中` });
    const headId = explainIdOrDisabilityCertificate(h.headIdNumber);
    if (headId) problems.push({ row, field: 'headIdNumber', message: `户主证件号码${headId}` });
    const earlier = heads.get(h.headIdNumber);
    if (earlier) problems.push({ row, field: 'headIdNumber', message: `户主证件号码与第 ${earlier} 行重复` });
    heads.set(h.headIdNumber, row);
    const seen = new Set<string>();
    h.members.forEach((m, j) => {
      const idProblem = explainIdOrDisabilityCertificate(String(m.idNumber));
      if (idProblem) problems.push({ row, field: `members.${j}.idNumber`, message: `第 ${j + 1} 位成员 ${m.name} 的证件号码${idProblem}` });
      if (seen.has(String(m.idNumber))) problems.push({ row, field: `members.${j}.idNumber`, message: `第 ${j + 1} 位成员 ${m.name} 的证件号码在本户重复` });
      seen.add(String(m.idNumber));
    });
    households.push({ ...h, members: h.members } as HouseholdInput);
  });
  return { households, problems };
}
