// One village's (or township's) 民主评议 and 公示 for a form in a campaign: the submissions waiting
// on the level the steps come before, each with where it stands (its gate's reason, or done),
// ticked to record a meeting or post a notice for them; then the meetings held and the notices
// posted with their objections. Every save reloads the board (revisions move with each record).
import { useState } from 'react';
import { APPRAISAL_RESULT_LABELS } from '@engine';
import type { BoardSubmission, DeliberationBoard, DeliberationRecordOut } from '../api/types';
import { t } from '../i18n/tDeliberation';
import { MeetingForm } from './MeetingForm';
import { NoticeForm } from './NoticeForm';
import { NoticesPanel } from './NoticesPanel';

type Meeting = Extract<DeliberationRecordOut, { kind: 'meeting' }>;

interface Props {
  board: DeliberationBoard;
  reload(): void;
  /** Where a notice's printable page is: the reviewer's by default, the officer's app passes its own. */
  printPath?: (noticeId: string) => string;
}

function GateCell({ row }: { row: BoardSubmission }) {
  if (row.gate.open) return <span className="dl-done">{t('dl_open')}</span>;
  return <span className={row.gate.mustReturn ? 'dl-stop' : ''}>{row.gate.reason}{row.gate.mustReturn ? t('dl_mustReturn') : ''}</span>;
}

export function DeliberationBoardView({ board, reload, printPath }: Props) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const rows = board.submissions.filter((s) => picked.has(s.id));
  const toggle = (id: string) => setPicked((now) => {
    const next = new Set(now);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const saved = () => {
    setPicked(new Set());
    reload();
  };
  const meetings = board.records.filter((r): r is Meeting => r.kind === 'meeting');
  const nameOf = (id: string) => board.submissions.find((s) => s.id === id)?.headName ?? id;
  return (
    <>
      <section className="panel">
        <h2>{board.division.name} · {board.formTitle}</h2>
        <p className="muted">{t('dl_steps', { steps: board.steps.map((s) => (s.kind === 'notice' ? `${s.title}（${t('dl_days', { n: s.days ?? 7 })}）` : s.title)).join(' → ') })}</p>
        <h3>{t('dl_waiting', { n: board.submissions.length })}</h3>
        {board.submissions.length === 0 ? <p className="muted">{t('dl_none')}</p> : (
          <div className="dl-table-wrap"><table className="rv-table">
            <thead>
              <tr><th scope="col">{t('dl_pick')}</th><th scope="col">{t('dl_head')}</th><th scope="col">{t('dl_submittedAt')}</th><th scope="col">{t('dl_waitingOn')}</th><th scope="col">{t('dl_gate')}</th></tr>
            </thead>
            <tbody>
              {board.submissions.map((row) => (
                <tr key={row.id}>
                  <td><input type="checkbox" aria-label={`${t('dl_pick')} ${row.headName}`} checked={picked.has(row.id)} onChange={() => toggle(row.id)} /></td>
                  <td>{row.headName}</td>
                  <td>{row.submittedAt?.slice(0, 10) ?? '—'}</td>
                  <td>{row.waitingOn}</td>
                  <td><GateCell row={row} /></td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      </section>
      {board.steps.map((step) => (step.kind === 'appraisal'
        ? <MeetingForm key={step.id} board={board} step={step} rows={rows} onSaved={saved} />
        : <NoticeForm key={step.id} board={board} step={step} rows={rows} onSaved={saved} />))}
      <section className="panel">
        <h2>{t('dl_meetings')}</h2>
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              {t('dl_meetingLine', { heldOn: m.body.heldOn, place: m.body.place, host: m.body.host, n: m.body.participantCount })}：
              {m.body.results.map((r) => `${nameOf(r.submissionId)} ${APPRAISAL_RESULT_LABELS[r.result]}`).join('、')}
            </li>
          ))}
        </ul>
      </section>
      <NoticesPanel board={board} onSaved={saved} printPath={printPath} />
    </>
  );
}
