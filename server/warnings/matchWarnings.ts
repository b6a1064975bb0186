// Matches a warning list's rows to the registry: by ID number to a registered member (any
// household), else by name within the row's village (named by code or by name). One household:
// matched; none: unmatched; several (or a village name held by several villages): ambiguous.
import type { DivisionRecord } from '../store/records';
import type { PersonMatch, Store } from '../store/Store';
import type { WarningRow } from './warningRows';

export type WarningMatch = WarningRow & (
  | { outcome: 'matched'; householdId: string; headName: string; divisionCode: string; note: null }
  | { outcome: 'unmatched' | 'ambiguous'; householdId: null; headName: null; divisionCode: string | null; note: string }
);

const BATCH = 500;

function villageOf(row: WarningRow, villages: DivisionRecord[]): DivisionRecord[] {
  if (!row.village) return [];
  if (/^\d{12}$/.test(row.village)) return villages.filter((v) => v.code === row.village);
  return villages.filter((v) => v.name === row.village);
}

export async function matchWarnings(store: Store, rows: WarningRow[], villages: DivisionRecord[]): Promise<WarningMatch[]> {
  const persons: PersonMatch[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).filter((r) => r.problem === null);
    persons.push(...await store.findPersons({
      idNumbers: batch.flatMap((r) => (r.idNumber ? [r.idNumber] : [])),
      names: batch.flatMap((r) => (r.idNumber ? [] : villageOf(r, villages).map((v) => ({ divisionCode: v.code, name: r.name })))),
    }));
  }
  return rows.map((row): WarningMatch => {
    const none = { householdId: null, headName: null } as const;
    if (row.problem) return { ...row, ...none, outcome: 'unmatched', divisionCode: null, note: row.problem };
    const places = villageOf(row, villages);
    if (!row.idNumber && places.length === 0) return { ...row, ...none, outcome: 'unmatched', divisionCode: null, note: `系统中没有“${row.village}”这个村` };
    if (!row.idNumber && places.length > 1) return { ...row, ...none, outcome: 'ambiguous', divisionCode: null, note: `有 ${places.length} 个村名为“${row.village}”：请填行政区划代码或身份证号` };
    const found = persons.filter((p) => (row.idNumber ? p.idNumber === row.idNumber : p.divisionCode === places[0]!.code && p.name === row.name));
    const households = [...new Map(found.map((p) => [p.householdId, p])).values()];
    if (households.length === 1) {
      const p = households[0]!;
      return { ...row, outcome: 'matched', householdId: p.householdId, headName: p.headName, divisionCode: p.divisionCode, note: null };
    }
    if (households.length === 0) {
      return { ...row, ...none, outcome: 'unmatched', divisionCode: places[0]?.code ?? null, note: row.idNumber ? '登记农户中没有这个身份证号' : `${places[0]!.name}的登记农户中没有名为“${row.name}”的成员` };
    }
    return { ...row, ...none, outcome: 'ambiguous', divisionCode: places[0]?.code ?? null, note: `${households.length} 户中都有此人（${households.map((p) => p.headName).join('、')}户）` };
  });
}
