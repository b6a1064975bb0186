// Residents' applications on PostgreSQL (applicationRecord.ts). Two applications of one ID number
// arriving at once, on one server or two, meet at the partial unique index of open applications:
// the INSERT's ON CONFLICT merges the later into the earlier in the same statement.
import type { ApplicationRecord, ApplicationState, NewApplication, SubmittedApplication } from '../applicationRecord';
import { StoreConflict } from '../Store';
import type { Db } from './openPool';
import { uniqueViolation } from './uniqueViolation';

interface ApplicationRow {
  id: string; receipt: string; county: string; division_code: string; id_number: string; name: string; phone: string;
  form_id: string; form_version: number; data: ApplicationRecord['data']; state: string; reason: string | null;
  received_at: string; updated_at: string; merges: number; verification_item_id: string | null;
}

function toRecord(row: ApplicationRow): ApplicationRecord {
  return {
    id: row.id, receipt: row.receipt, county: row.county, divisionCode: row.division_code, idNumber: row.id_number, name: row.name,
    phone: row.phone, formId: row.form_id, formVersion: row.form_version, data: row.data, state: row.state as ApplicationState,
    reason: row.reason, receivedAt: row.received_at, updatedAt: row.updated_at, merges: row.merges,
    verificationItemId: row.verification_item_id,
  };
}

export async function submitApplication(db: Db, a: NewApplication): Promise<SubmittedApplication> {
  const { rows } = await db.query<ApplicationRow>(`INSERT INTO applications AS a (id, receipt, county, division_code, id_number, name, phone,
      form_id, form_version, data, state, reason, received_at, updated_at, merges, verification_item_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'received', NULL, $11, $11, 0, NULL)
    ON CONFLICT (county, id_number) WHERE state IN ('received', 'verifying') DO UPDATE SET
      division_code = excluded.division_code, name = excluded.name, phone = excluded.phone, form_id = excluded.form_id,
      form_version = excluded.form_version, data = excluded.data, updated_at = excluded.updated_at, merges = a.merges + 1
    RETURNING *`,
  [a.id, a.receipt, a.county, a.divisionCode, a.idNumber, a.name, a.phone, a.formId, a.formVersion, JSON.stringify(a.data), a.receivedAt])
    .catch((e: unknown) => {
      if (uniqueViolation(e) !== null) throw new StoreConflict('exists', '申请编号或回执号已被占用，未保存，请重新提交');
      throw e;
    });
  const application = toRecord(rows[0]!);
  return { application, merged: application.id !== a.id };
}

export async function selectApplicationByReceipt(db: Db, receipt: string): Promise<ApplicationRecord | null> {
  const { rows } = await db.query<ApplicationRow>('SELECT * FROM applications WHERE receipt = $1', [receipt]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function linkApplicationItem(db: Db, id: string, itemId: string): Promise<void> {
  await db.query('UPDATE applications SET verification_item_id = $2 WHERE id = $1', [id, itemId]);
}
