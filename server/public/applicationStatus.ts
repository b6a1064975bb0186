// What a resident is told about an application, and nothing more: its receipt, where it stands in
// Chinese, the reason when it was not included, and when it was received.
import type { ApplicationRecord, ApplicationState } from '../store/Store';

export const STATUS_TEXT: Readonly<Record<ApplicationState, string>> = {
  received: '已受理，等待村里入户核查',
  verifying: '正在入户核查',
  included: '已纳入监测',
  not_included: '未纳入监测',
};

export function applicationStatus(application: ApplicationRecord) {
  return {
    receipt: application.receipt,
    status: application.state,
    statusText: STATUS_TEXT[application.state],
    reason: application.state === 'not_included' ? application.reason : null,
    receivedAt: application.receivedAt,
  };
}
