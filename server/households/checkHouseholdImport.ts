// Checks an import sheet before anything is written: the rows grouped into households
// (householdsFromSheet), each household checked as the JSON import checks it (checkHouseholdRows:
// ID check digits, known village, kinds, months), and a person's ID number used in two households
// of the file. Problems point at the sheet row and column; errors block the import, warnings
// (an unknown column) do not.
import type { HouseholdInput } from '../store/Store';
import { checkHouseholdRows } from './householdRows';
import type { ImportProblem } from '@engine/contract';
import { householdsFromSheet } from './householdsFromSheet';
import { HOUSEHOLD_COLUMNS, MEMBER_COLUMNS } from './importColumns';
import type { Sheet } from './readSheet';

export interface CheckedImport {
  households: HouseholdInput[];
  members: number;
  problems: ImportProblem[];
}

function locate(field: string, origin: { row: number; memberRows: number[] }): { row: number; column: string } {
  const member = /^members\.(\d+)\.(\w+)/.exec(field);
  if (member) {
    return { row: origin.memberRows[Number(member[1])] ?? origin.row, column: MEMBER_COLUMNS.find((c) => c.field === member[2])?.header ?? member[2]! };
  }
  return { row: origin.row, column: HOUSEHOLD_COLUMNS.find((c) => c.field === field.split('.')[0])?.header ?? '' };
}

export function checkHouseholdImport(sheet: Sheet, knownDivisions: ReadonlySet<string>): CheckedImport {
  const grouped = householdsFromSheet(sheet);
  const problems = [...grouped.problems];
  const checked = checkHouseholdRows(grouped.households, knownDivisions);
  for (const p of checked.problems) {
    const { row, column } = locate(p.field, grouped.origins[p.row - 1]!);
    const message = column && !p.message.startsWith(column) && !p.message.startsWith('第 ') ? `${column}：${p.message}` : p.message;
    problems.push({ row, column, message, severity: 'error' });
  }
  const firstHolder = new Map<string, { row: number; household: number; head: string }>();
  grouped.households.forEach((h, i) => {
    ((h.members ?? []) as { idNumber?: unknown }[]).forEach((m, j) => {
      if (typeof m.idNumber !== 'string' || m.idNumber === '') return;
      const row = grouped.origins[i]!.memberRows[j]!;
      const earlier = firstHolder.get(m.idNumber);
      if (earlier && earlier.household !== i) {
        problems.push({ row, column: '成员证件号码', message: `成员证件号码 ${m.idNumber} 已在第 ${earlier.row} 行（户主 ${earlier.head}）登记，一人不能属于两户`, severity: 'error' });
      } else if (!earlier) {
        firstHolder.set(m.idNumber, { row, household: i, head: String(h.headName ?? '') });
      }
    });
  });
  problems.sort((a, b) => a.row - b.row);
  const members = checked.households.reduce((n, h) => n + h.members.length, 0);
  return { households: checked.households, members, problems };
}
