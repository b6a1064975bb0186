// What a resident is told about an application, and nothing more: its receipt, where it stands in
// Chinese, the reason when it was not included, and when it was received. Once the application has
// its item in the village's list of households to verify (重点核查户), the status follows the item:
// open → received, open with the identification form opened → verifying, included, or closed with
// the officer's reason → not included.
import type { ApplicationRecord, ApplicationState, VerificationItemRecord } from '../store/Store';

export const STATUS_TEXT: Readonly<Record<ApplicationState, string>> = {
  received: '已受理，等待村里入户核查',
  verifying: '正在入户核查',
  included: '已纳入监测',
  not_included: '未纳入监测',
};

function stateOf(application: ApplicationRecord, item: VerificationItemRecord | null): { state: ApplicationState; reason: string | null } {
  if (!item) return { state: application.state, reason: application.reason };
  if (item.state === 'included') return { state: 'included', reason: null };
  if (item.state === 'closed') return { state: 'not_included', reason: item.closedReason };
  return { state: item.submissionId ? 'verifying' : 'received', reason: null };
}

export function applicationStatus(application: ApplicationRecord, item: VerificationItemRecord | null) {
  const { state, reason } = stateOf(application, item);
  return {
    receipt: application.receipt,
    status: state,
    statusText: STATUS_TEXT[state],
    reason: state === 'not_included' ? reason : null,
    receivedAt: application.receivedAt,
  };
}
