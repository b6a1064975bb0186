// Where a queued save or submit stands, and what the officer reads about it. An item leaves the
// queue only when the server has it; every other outcome is one of these states, each with a
// plain-Chinese name (shown on the household list and in the form) and what to do about it.
// The queue sends by itself in the states that need nothing from the officer.
import type { LocalDraft } from './LocalDraft';

export type QueueState =
  /** Not tried yet, or no network: sent as soon as there is one. */
  | 'waiting'
  /** A server error or a connection cut mid-way: tried again after a growing pause. */
  | 'retrying'
  /** The session ended: sent by itself once the officer logs in again. */
  | 'needsLogin'
  /** The server's rules disagree (422): the officer corrects the fields shown and submits again. */
  | 'invalid'
  /** Someone else changed it meanwhile (409 on the revision): the officer picks a copy. */
  | 'conflict'
  /** The household already has this form in the campaign, under another record. */
  | 'duplicate'
  /** Refused for another reason (the server's message says which). */
  | 'refused';

export const QUEUE_STATE_NAMES: Record<QueueState, string> = {
  waiting: '待上传',
  retrying: '等待重试',
  needsLogin: '需重新登录',
  invalid: '需修改',
  conflict: '有冲突',
  duplicate: '重复填报',
  refused: '未被接受',
};

/** States in which the queue sends by itself (the others wait for the officer). */
const AUTOMATIC = new Set<QueueState>(['waiting', 'retrying', 'needsLogin']);

export function queueStateOf(draft: LocalDraft): QueueState | null {
  if (draft.pending === null) return null;
  return draft.queueState ?? 'waiting';
}

export function needsOfficer(draft: LocalDraft): boolean {
  const state = queueStateOf(draft);
  return state !== null && !AUTOMATIC.has(state);
}

const FIRST_PAUSE_MS = 5_000;
const LONGEST_PAUSE_MS = 10 * 60_000;

/** The pause after the n-th failure in a row: 5 s, 10 s, 20 s … up to 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Whether the queue should send this draft now. `force` (立即重试, the network coming back) skips
 * the pause after a failure; what needs the officer's correction or choice is never resent by
 * the queue (the officer's own 立即重试 on a refused item puts it back to waiting first).
 */
export function isDue(draft: LocalDraft, now: number, force = false): boolean {
  const state = queueStateOf(draft);
  if (state === 'waiting' || state === 'needsLogin') return true;
  if (state === 'retrying') return force || !draft.nextAttemptAt || Date.parse(draft.nextAttemptAt) <= now;
  return false;
}

/** What the officer reads about a queued item: what happened and what to do, in Chinese. */
export function queueMessage(draft: LocalDraft): string {
  const state = queueStateOf(draft);
  const action = draft.pending === 'submit' ? '正式提交' : '保存';
  switch (state) {
    case null:
      return '';
    case 'waiting':
      return `等待${action}：有网络时自动上传`;
    case 'retrying': {
      const at = draft.nextAttemptAt ? new Date(draft.nextAttemptAt).toLocaleTimeString('zh-CN') : '';
      return `${draft.problem ?? '上传没有成功'}。${at ? `将在 ${at} 自动重试，` : '将自动重试，'}也可以点“立即重试”`;
    }
    case 'needsLogin':
      return '登录已过期：请重新登录，登录后自动上传。本机的数据不会丢失';
    case 'invalid':
      return `${draft.serverIssues.length ? `服务器发现 ${draft.serverIssues.length} 处问题` : (draft.problem ?? '服务器发现问题')}：请按字段旁的提示修改后再${action}`;
    case 'conflict':
      return '此表已被他人修改：请对照两份内容，选择保留哪一份';
    case 'duplicate':
      return `${draft.problem ?? '该户在本活动中已有此表'}。可以打开已有的表，或放弃本机这份`;
    case 'refused':
      return `服务器未接受：${draft.problem ?? '请求有误'}。修改后可点“立即重试”，或放弃本机这份`;
  }
}
