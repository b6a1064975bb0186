// 公示与异议: each notice posted in the village (its period, its households, a link to print it),
// the objections recorded against it with how each was handled, and the forms to record a new
// objection received during the period and to enter the result of verifying one (成立 / 不成立).
import { useState } from 'react';
import { OBJECTION_OUTCOME_LABELS } from '@engine';
import { Link } from '../app/router';
import type { DeliberationBoard, DeliberationRecordOut } from '../api/types';
import { t } from '../i18n/tDeliberation';
import { deliberationApi } from './deliberationApi';
import { useSave } from './useSave';

type Notice = Extract<DeliberationRecordOut, { kind: 'notice' }>;
type Objection = Extract<DeliberationRecordOut, { kind: 'objection' }>;

interface Props {
  board: DeliberationBoard;
  onSaved(): void;
  printPath?: (noticeId: string) => string;
}

const reviewerPrintPath = (id: string) => `/review/deliberation/notices/${encodeURIComponent(id)}/print`;

const revisionOf = (board: DeliberationBoard, id: string) => board.submissions.find((s) => s.id === id)?.revision ?? 0;

function ObjectionForm({ board, notice, onSaved }: { board: DeliberationBoard; notice: Notice; onSaved(): void }) {
  const [submissionId, setSubmissionId] = useState(notice.body.households[0]?.submissionId ?? '');
  const [receivedOn, setReceivedOn] = useState(notice.body.startsOn);
  const [content, setContent] = useState('');
  const [by, setBy] = useState('');
  const { busy, error, save } = useSave(() => { setContent(''); setBy(''); onSaved(); });
  return (
    <fieldset className="dl-fields" aria-label={`${t('dl_objection')}：${notice.body.title}`}>
      <label><span>{t('dl_head')}</span>
        <select value={submissionId} onChange={(e) => setSubmissionId(e.target.value)}>
          {notice.body.households.map((h) => <option key={h.submissionId} value={h.submissionId}>{h.headName}</option>)}
        </select>
      </label>
      <label><span>{t('dl_receivedOn')}</span><input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} /></label>
      <label className="dl-wide"><span>{t('dl_content')}</span><textarea value={content} onChange={(e) => setContent(e.target.value)} /></label>
      <label><span>{t('dl_by')}</span><input value={by} onChange={(e) => setBy(e.target.value)} /></label>
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      <button type="button" disabled={busy} onClick={() => save(() => deliberationApi.objection(notice.id, {
        submissionId, revision: revisionOf(board, submissionId), receivedOn, content, ...(by.trim() ? { by: by.trim() } : {}),
      }))}>{t('dl_objection')}</button>
    </fieldset>
  );
}

function ResolveForm({ board, objection, onSaved }: { board: DeliberationBoard; objection: Objection; onSaved(): void }) {
  const [outcome, setOutcome] = useState<'upheld' | 'rejected'>('rejected');
  const [handling, setHandling] = useState('');
  const { busy, error, save } = useSave(onSaved);
  return (
    <fieldset className="dl-fields" aria-label={t('dl_resolve')}>
      <label><span>{t('dl_resolve')}</span>
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as 'upheld' | 'rejected')}>
          <option value="rejected">{t('dl_rejected')}</option>
          <option value="upheld">{t('dl_upheld')}</option>
        </select>
      </label>
      <label className="dl-wide"><span>{t('dl_handling')}</span><textarea value={handling} onChange={(e) => setHandling(e.target.value)} /></label>
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      <button type="button" disabled={busy} onClick={() => save(() => deliberationApi.resolve(objection.id, {
        revision: objection.revision, submissionRevision: revisionOf(board, objection.body.submissionId), outcome, handling,
      }))}>{t('dl_save')}</button>
    </fieldset>
  );
}

export function NoticesPanel({ board, onSaved, printPath = reviewerPrintPath }: Props) {
  const notices = board.records.filter((r): r is Notice => r.kind === 'notice');
  const objections = board.records.filter((r): r is Objection => r.kind === 'objection');
  const headOf = (notice: Notice, id: string) => notice.body.households.find((h) => h.submissionId === id)?.headName ?? id;
  return (
    <section className="panel">
      <h2>{t('dl_notices')}</h2>
      {notices.length === 0 ? <p className="muted">{t('dl_noNotices')}</p> : null}
      {notices.map((notice) => (
        <article key={notice.id} className="dl-notice">
          <h3>{notice.body.title}</h3>
          <p>{t('dl_period', { days: notice.body.days, endsOn: notice.body.endsOn })}（{notice.body.startsOn} 起）：{notice.body.households.map((h) => h.headName).join('、')}</p>
          <Link to={printPath(notice.id)} className="button">{t('dl_print')}</Link>
          <ul className="dl-objections">
            {objections.filter((o) => o.body.noticeId === notice.id).map((o) => (
              <li key={o.id}>
                <strong>{headOf(notice, o.body.submissionId)}</strong>（{o.body.receivedOn}）：{o.body.content}
                {' — '}{o.body.outcome ? `${OBJECTION_OUTCOME_LABELS[o.body.outcome]}：${o.body.handling}` : t('dl_pending')}
                {o.body.outcome ? null : <ResolveForm board={board} objection={o} onSaved={onSaved} />}
              </li>
            ))}
          </ul>
          <ObjectionForm board={board} notice={notice} onSaved={onSaved} />
        </article>
      ))}
    </section>
  );
}
