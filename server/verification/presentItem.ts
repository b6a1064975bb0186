// A household to verify as the API answers it: with its village's name and how many days it has
// waited (an open one until now, a finished one until it was finished).
import type { VerificationItem } from '@engine/contract';
import type { VerificationItemRecord } from '../store/Store';

const DAY = 24 * 60 * 60 * 1000;

export function waitingDays(item: VerificationItemRecord, now: Date): number {
  const until = item.state === 'open' ? now.getTime() : Date.parse(item.updatedAt);
  return Math.max(0, Math.floor((until - Date.parse(item.receivedAt)) / DAY));
}

export function presentItem(item: VerificationItemRecord, names: ReadonlyMap<string, string>, now: Date): VerificationItem {
  return { ...item, divisionName: names.get(item.divisionCode) ?? null, waitingDays: waitingDays(item, now) };
}
