// 记录民主评议: the meeting (date, place, host, participants, minutes) and the result for each
// household ticked on the board, 同意 unless changed; 不同意 stops the household (the reviewer returns it).
import { useState } from 'react';
import { chinaDate, type ApprovalStep } from '@engine';
import type { BoardSubmission, DeliberationBoard } from '../api/types';
import { t } from '../i18n/tDeliberation';
import { deliberationApi } from './deliberationApi';
import { useSave } from './useSave';

interface Props {
  board: DeliberationBoard;
  step: ApprovalStep;
  rows: BoardSubmission[];
  onSaved(): void;
}

export function MeetingForm({ board, step, rows, onSaved }: Props) {
  const [heldOn, setHeldOn] = useState(chinaDate(new Date()));
  const [place, setPlace] = useState('');
  const [host, setHost] = useState('');
  const [count, setCount] = useState('');
  const [participants, setParticipants] = useState('');
  const [minutes, setMinutes] = useState('');
  const [results, setResults] = useState<Record<string, 'agree' | 'disagree'>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const { busy, error, save, setError } = useSave(onSaved);
  const submit = () => {
    if (rows.length === 0) return setError(t('dl_pickFirst'));
    return save(() => deliberationApi.meeting({
      campaignId: board.campaignId, formId: board.formId, stepId: step.id, divisionCode: board.division.code,
      heldOn, place, host, participantCount: Number(count) || 0, participants, minutes,
      results: rows.map((r) => ({ submissionId: r.id, revision: r.revision, result: results[r.id] ?? 'agree', ...(notes[r.id]?.trim() ? { note: notes[r.id]!.trim() } : {}) })),
    }));
  };
  return (
    <section className="panel dl-form" aria-label={`${t('dl_recordMeeting')}：${step.title}`}>
      <h2>{t('dl_recordMeeting')}：{step.title}</h2>
      <div className="dl-fields">
        <label><span>{t('dl_heldOn')}</span><input type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} /></label>
        <label><span>{t('dl_place')}</span><input value={place} onChange={(e) => setPlace(e.target.value)} /></label>
        <label><span>{t('dl_host')}</span><input value={host} onChange={(e) => setHost(e.target.value)} /></label>
        <label><span>{t('dl_participantCount')}</span><input type="number" min={1} value={count} onChange={(e) => setCount(e.target.value)} /></label>
        <label className="dl-wide"><span>{t('dl_participants')}</span><textarea value={participants} onChange={(e) => setParticipants(e.target.value)} /></label>
        <label className="dl-wide"><span>{t('dl_minutes')}</span><textarea value={minutes} onChange={(e) => setMinutes(e.target.value)} /></label>
      </div>
      {rows.length === 0 ? <p className="muted">{t('dl_pickFirst')}</p> : (
        <table className="rv-table">
          <thead><tr><th scope="col">{t('dl_head')}</th><th scope="col">{t('dl_result')}</th><th scope="col">{t('dl_note')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.headName}</td>
                <td>
                  <select aria-label={`${r.headName} ${t('dl_result')}`} value={results[r.id] ?? 'agree'} onChange={(e) => setResults({ ...results, [r.id]: e.target.value as 'agree' | 'disagree' })}>
                    <option value="agree">{t('dl_agree')}</option>
                    <option value="disagree">{t('dl_disagree')}</option>
                  </select>
                </td>
                <td><input aria-label={`${r.headName} ${t('dl_note')}`} value={notes[r.id] ?? ''} onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t('dl_disagreeNote')}</p>
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      <button type="button" className="primary" disabled={busy} onClick={submit}>{t('dl_save')}</button>
    </section>
  );
}
