// Households to verify as the pages get them: one of each source in 高滩村, the application
// waiting longest.
import { applicationReason } from '@engine';
import type { VerificationItem, VerificationPage } from '@engine/contract';
import { afterEach, beforeEach, vi } from 'vitest';

export function item(overrides: Partial<VerificationItem> = {}): VerificationItem {
  return {
    id: 'v-1', divisionCode: '500118104201', divisionName: '高滩村', householdId: null, idNumber: '11010519491231002X', name: '赵永福',
    source: 'officer', sourceRef: null, reason: '因病：妻子住院，自付医疗费用较大', receivedAt: '2023-03-06T02:00:00.000Z', state: 'open',
    closedReason: null, submissionId: null, waitingDays: 1, updatedAt: '2023-03-06T02:00:00.000Z', revision: 1, ...overrides,
  };
}

export const ITEMS: VerificationItem[] = [
  item({ id: 'v-app', name: '陈淑芬', idNumber: null, source: 'application', sourceRef: 'a-1', reason: applicationReason(['因意外事故', '因病'], '丈夫务工受伤'), receivedAt: '2023-02-20T02:00:00.000Z', waitingDays: 15 }),
  item({ id: 'v-warn', name: '李秀兰', source: 'warning', sourceRef: 'w-1', reason: '医保部门：大额医疗支出 5.2 万元', receivedAt: '2023-03-01T02:00:00.000Z', waitingDays: 6 }),
  item(),
];

export function listPage(items = ITEMS): VerificationPage {
  return {
    items, total: items.length, page: 1, pageSize: 50,
    counts: [
      { state: 'closed', source: 'warning', count: 2, oldest: '2023-01-05T02:00:00.000Z' },
      { state: 'open', source: 'application', count: 1, oldest: '2023-02-20T02:00:00.000Z' },
      { state: 'open', source: 'officer', count: 1, oldest: '2023-03-06T02:00:00.000Z' },
      { state: 'open', source: 'warning', count: 1, oldest: '2023-03-01T02:00:00.000Z' },
    ],
  };
}

/**
 * Each test of the file on 2023-03-07 (the days waited are counted from it), with a clean session
 * and the real fetch put back after; `before` runs first (e.g. clearing the phone's drafts).
 */
export function onVerificationDay(before: () => Promise<void> | void = () => {}): void {
  beforeEach(async () => {
    await before();
    sessionStorage.clear();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2023-03-07T03:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}
