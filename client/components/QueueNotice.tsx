// A queued save or submit as the officer sees it: its state's name as a badge (household lists,
// the form's header), and in the form what happened with the buttons for what to do — retry now,
// log in again, open the household's existing form or give up this copy, or, when someone else
// changed it, both copies field by field to choose from.
import { useState } from 'react';
import { navigate } from '../app/router';
import type { LocalDraft } from '../offline/LocalDraft';
import { discardLocal, keepMine, retryNow, takeTheirs } from '../offline/queueActions';
import { QUEUE_STATE_NAMES, queueMessage, queueStateOf } from '../offline/queueState';
import { sameData } from '../offline/sameData';

export function QueueBadge({ draft }: { draft: LocalDraft }) {
  const state = queueStateOf(draft);
  if (!state) return null;
  return <span className={`badge queue-${state}`}>{QUEUE_STATE_NAMES[state]}</span>;
}

/** The state and what to do, in a line (household lists). */
export function QueueLine({ draft }: { draft: LocalDraft }) {
  if (!queueStateOf(draft)) return null;
  return <span className="queue-line"><QueueBadge draft={draft} /> {queueMessage(draft)}</span>;
}

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (Array.isArray(value)) return `${value.length} 行`;
  if (typeof value === 'object') return '（已填写）';
  return String(value);
}

function ConflictChoice({ draft, titleOf, onChosen }: { draft: LocalDraft; titleOf(key: string): string; onChosen(): void }) {
  const theirs = draft.theirs!;
  const keys = [...new Set([...Object.keys(draft.data), ...Object.keys(theirs.data)])].filter((k) => !sameData(draft.data[k], theirs.data[k]));
  const locked = theirs.status === 'submitted' || theirs.status === 'approved';
  const by = `${theirs.updatedBy ?? '他人'} · ${new Date(theirs.updatedAt).toLocaleString('zh-CN')}`;
  return (
    <div className="conflict-choice">
      <table>
        <thead><tr><th>字段</th><th>我的（本机）</th><th>对方的（{by}）</th></tr></thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key}><th scope="row">{titleOf(key)}</th><td>{shown(draft.data[key])}</td><td>{shown(theirs.data[key])}</td></tr>
          ))}
        </tbody>
      </table>
      {locked ? <p>对方的已{theirs.status === 'approved' ? '审核通过' : '正式提交'}，不能再覆盖。</p> : null}
      <div className="actions">
        {!locked ? <button type="button" className="primary" onClick={() => void keepMine(draft.id)}>保留我的并上传</button> : null}
        <button type="button" onClick={() => void takeTheirs(draft.id).then(onChosen)}>采用对方的</button>
      </div>
    </div>
  );
}

export function QueueNotice({ draft, titleOf, onReplaced }: { draft: LocalDraft; titleOf(key: string): string; onReplaced(): void }) {
  const [busy, setBusy] = useState(false);
  const state = queueStateOf(draft);
  if (!state || state === 'waiting') return null;
  const act = (work: () => Promise<unknown>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  const here = window.location.pathname + window.location.search;
  return (
    <div className={`banner queue queue-${state}`} role="alert">
      <p><QueueBadge draft={draft} /> {queueMessage(draft)}</p>
      {state === 'retrying' || state === 'refused' ? (
        <button type="button" disabled={busy} onClick={() => act(() => retryNow(draft.id))}>立即重试</button>
      ) : null}
      {state === 'needsLogin' ? (
        <button type="button" className="primary" onClick={() => navigate(`/login?next=${encodeURIComponent(here)}`)}>重新登录</button>
      ) : null}
      {state === 'duplicate' && draft.duplicateOf ? <a href={`/fill/${draft.duplicateOf}`}>打开已有的表</a> : null}
      {state === 'duplicate' || state === 'refused' ? (
        <button type="button" disabled={busy} onClick={() => act(async () => {
          if (!window.confirm('放弃本机这份？本机填写的内容将被删除。')) return;
          if (await discardLocal(draft.id)) onReplaced();
          else navigate(draft.householdId ? `/households/${draft.householdId}` : `/villages/${draft.divisionCode}`, { replace: true });
        })}>放弃本机这份</button>
      ) : null}
      {state === 'conflict' && draft.theirs ? <ConflictChoice draft={draft} titleOf={titleOf} onChosen={onReplaced} /> : null}
    </div>
  );
}
