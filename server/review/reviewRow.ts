// A submission as a row of the reviewer's table: who and where (village name, the officer's
// display name), its state and what it waits on (and whether this reviewer may act on it now),
// its key values as labels, how many errors and warnings it carries, and its warnings with the
// officer's explanations (核实说明), which a batch approval lists before it approves. Not its
// data: the table stays light however large the form.
import { mayReview, type CompiledForm } from '@engine';
import type { ReviewRow } from '@engine/contract';
import type { ExportNames } from '../export/exportRows';
import type { SubmissionRecord, UserRecord } from '../store/records';
import { escalationOf, STATUS_LABELS, waitingOn } from '../submissions/present';
import { keyValues, type KeyField } from './keyFields';

export function reviewRow(user: UserRecord, record: SubmissionRecord, form: CompiledForm, fields: KeyField[], names: ExportNames): ReviewRow {
  const definition = form.definition;
  return {
    id: record.id,
    formVersion: record.formVersion,
    campaignId: record.campaignId,
    householdId: record.householdId,
    divisionCode: record.divisionCode,
    villageName: names.division(record.divisionCode),
    headName: record.headName,
    headIdNumber: record.headIdNumber,
    status: record.status,
    statusLabel: STATUS_LABELS[record.status],
    reviewLevel: record.reviewLevel,
    waitingOn: waitingOn(definition, record),
    canReview: mayReview(user, definition, record),
    escalation: escalationOf(definition, record),
    returnComment: record.returnComment,
    revision: record.revision,
    createdBy: { id: record.createdBy, name: names.user(record.createdBy) },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    submittedAt: record.submittedAt,
    approvedAt: record.approvedAt,
    keyValues: keyValues(form.index, fields, record.data),
    errorCount: record.errors.length,
    warningCount: record.warnings.length,
    warnings: record.warnings.map(({ path, code, message }) => ({ path, code, message })),
    explanations: record.explanations,
  };
}
