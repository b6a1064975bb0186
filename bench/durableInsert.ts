// The floor under the durable submissions figure: the same 10-member monitoring-object record,
// evaluated and with its history event, written by the store's own write operation in commits of
// 16 rows (as 16 connections fill a group commit) on a fresh database with the server's schema and
// pragmas, no HTTP, no engine, no fingerprint: CPU microseconds per row.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileForm, evaluateCompiled, type Campaign, type FormData, type FormDefinition } from '@engine';
import { diffData } from '../server/submissions/diffData';
import { migrate, openDatabase } from '../server/store/sqlite/openDatabase';
import { commitTogether } from '../server/store/sqlite/writer/commitTogether';
import { WRITE_OPERATIONS } from '../server/store/sqlite/writer/writeOperations';
import type { SubmissionWrite } from '../server/store/Store';
import { shippedJson } from './fixtures/shippedJson';

export function durableInsertCpu(data: FormData, rows = 4000, perCommit = 16): number {
  const compiled = compileForm(shippedJson<FormDefinition>('monitoring-object/definition.json'));
  const result = evaluateCompiled(compiled, data, { params: shippedJson<Campaign>('campaigns/2021.json').parameters, household: null });
  const changes = diffData(null, result.data, compiled.index);
  const dir = mkdtempSync(join(tmpdir(), 'wnbd-insert-'));
  const db = openDatabase(join(dir, 'insert.sqlite'));
  migrate(db);
  db.prepare("INSERT INTO divisions (code, name, parent_code) VALUES ('500118', '永川区', NULL)").run();
  const write = (): SubmissionWrite => {
    const id = randomUUID();
    const now = new Date().toISOString();
    return {
      onePerHousehold: false,
      record: {
        id, formId: 'monitoring-object', formVersion: 1, campaignId: '2021', householdId: null, divisionCode: String(data.divisionCode),
        headName: String(data.headName), headIdNumber: String(data.headIdNumber), status: 'submitted', reviewLevel: 0, data: result.data,
        errors: result.errors, warnings: result.warnings, prefill: null, requestHash: id, revision: 1, returnComment: null, explanations: {}, fieldNotes: [], createdBy: 'bench',
        updatedBy: 'bench', createdAt: now, updatedAt: now, submittedAt: now, approvedAt: null,
      },
      event: { submissionId: id, at: now, userId: 'bench', username: 'bench', action: 'submit', status: 'submitted', level: null, comment: null, changes },
    };
  };
  db.pragma('foreign_keys = OFF');
  const start = process.cpuUsage();
  for (let done = 0; done < rows; done += perCommit) {
    const writes = Array.from({ length: perCommit }, write);
    commitTogether(db, writes.map((w) => () => WRITE_OPERATIONS.insertSubmission(db, w, null)));
  }
  const used = process.cpuUsage(start);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return (used.user + used.system) / rows;
}
