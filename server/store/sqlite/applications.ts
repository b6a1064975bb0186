// Residents' applications on SQLite (applicationRecord.ts). The writer thread is the only writer,
// so finding the open application and merging into it cannot interleave with another application.
import type Database from 'better-sqlite3';
import { StoreConflict } from '../Store';
import type { ApplicationRecord, ApplicationState, NewApplication, SubmittedApplication } from '../applicationRecord';

interface ApplicationRow {
  id: string; receipt: string; county: string; division_code: string; id_number: string; name: string; phone: string;
  form_id: string; form_version: number; data: string; state: string; reason: string | null;
  received_at: string; updated_at: string; merges: number; verification_item_id: string | null;
}

const OPEN = "state IN ('received', 'verifying')";

function toRecord(row: ApplicationRow): ApplicationRecord {
  return {
    id: row.id, receipt: row.receipt, county: row.county, divisionCode: row.division_code, idNumber: row.id_number, name: row.name,
    phone: row.phone, formId: row.form_id, formVersion: row.form_version, data: JSON.parse(row.data), state: row.state as ApplicationState,
    reason: row.reason, receivedAt: row.received_at, updatedAt: row.updated_at, merges: row.merges,
    verificationItemId: row.verification_item_id,
  };
}

export function submitApplication(db: Database.Database, a: NewApplication): SubmittedApplication {
  const open = db.prepare(`SELECT id FROM applications WHERE county = ? AND id_number = ? AND ${OPEN}`).get(a.county, a.idNumber) as { id: string } | undefined;
  if (open) {
    db.prepare(`UPDATE applications SET division_code = ?, name = ?, phone = ?, form_id = ?, form_version = ?, data = ?, updated_at = ?,
      merges = merges + 1 WHERE id = ?`).run(a.divisionCode, a.name, a.phone, a.formId, a.formVersion, JSON.stringify(a.data), a.receivedAt, open.id);
    return { application: selectApplication(db, open.id)!, merged: true };
  }
  try {
    db.prepare(`INSERT INTO applications (id, receipt, county, division_code, id_number, name, phone, form_id, form_version, data, state,
      reason, received_at, updated_at, merges, verification_item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', NULL, ?, ?, 0, NULL)`)
      .run(a.id, a.receipt, a.county, a.divisionCode, a.idNumber, a.name, a.phone, a.formId, a.formVersion, JSON.stringify(a.data), a.receivedAt, a.receivedAt);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw new StoreConflict('exists', '申请编号或回执号已被占用，未保存，请重新提交');
    throw e;
  }
  return { application: selectApplication(db, a.id)!, merged: false };
}

export function selectApplication(db: Database.Database, id: string): ApplicationRecord | null {
  const row = db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
  return row ? toRecord(row) : null;
}

export function selectApplicationByReceipt(db: Database.Database, receipt: string): ApplicationRecord | null {
  const row = db.prepare('SELECT * FROM applications WHERE receipt = ?').get(receipt) as ApplicationRow | undefined;
  return row ? toRecord(row) : null;
}

export function linkApplicationItem(db: Database.Database, id: string, itemId: string): void {
  db.prepare('UPDATE applications SET verification_item_id = ? WHERE id = ?').run(itemId, id);
}
