// The household to verify a department's warning opens: in the household's village, from the
// warning (source 'warning', its id as the reference), the department named in the reason.
import type { HouseholdWarningRecord } from './householdWarning';
import type { HouseholdWarningsTable } from './queries/StoreTables';
import type { NewVerificationItem } from './verificationItem';

export function warningItem(w: HouseholdWarningRecord, id: string): NewVerificationItem {
  return {
    id, divisionCode: w.divisionCode, householdId: w.householdId, idNumber: w.idNumber, name: w.name, source: 'warning', sourceRef: w.id,
    reason: `${w.department}（${w.listDate}）：${w.reason}`, receivedAt: w.importedAt, createdBy: w.importedBy,
  };
}

export function toWarning(r: HouseholdWarningsTable): HouseholdWarningRecord {
  return {
    id: r.id, householdId: r.household_id, divisionCode: r.division_code, department: r.department, listDate: r.list_date, name: r.name,
    idNumber: r.id_number, reason: r.reason, importedAt: r.imported_at, importedBy: r.imported_by,
  };
}

export const warningValues = (w: HouseholdWarningRecord) =>
  [w.id, w.householdId, w.divisionCode, w.department, w.listDate, w.name, w.idNumber, w.reason, w.importedAt, w.importedBy];
