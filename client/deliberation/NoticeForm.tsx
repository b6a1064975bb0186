// 张贴公示: the households ticked on the board (each past its 民主评议), from a start date for the
// days the campaign sets (the period's last day shown as it is typed), with where to object.
import { useState } from 'react';
import { addDays, chinaDate, isChinaDate, noticeEndsOn, type ApprovalStep } from '@engine';
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

export function NoticeForm({ board, step, rows, onSaved }: Props) {
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(addDays(chinaDate(new Date()), 1));
  const [contact, setContact] = useState('');
  const { busy, error, save, setError } = useSave(onSaved);
  const days = step.days ?? 7;
  const submit = () => {
    if (rows.length === 0) return setError(t('dl_pickFirst'));
    return save(() => deliberationApi.notice({
      campaignId: board.campaignId, formId: board.formId, stepId: step.id, divisionCode: board.division.code,
      startsOn, contact, ...(title.trim() ? { title: title.trim() } : {}),
      submissions: rows.map((r) => ({ submissionId: r.id, revision: r.revision })),
    }));
  };
  return (
    <section className="panel dl-form" aria-label={`${t('dl_postNotice')}：${step.title}`}>
      <h2>{t('dl_postNotice')}：{step.title}</h2>
      <div className="dl-fields">
        <label className="dl-wide"><span>{t('dl_noticeTitle')}</span><input value={title} placeholder={`${board.division.name}${board.formTitle}${step.title}`} onChange={(e) => setTitle(e.target.value)} /></label>
        <label><span>{t('dl_startsOn')}</span><input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} /></label>
        <p className="dl-period">{isChinaDate(startsOn) ? t('dl_period', { days, endsOn: noticeEndsOn(startsOn, days) }) : ''}</p>
        <label className="dl-wide"><span>{t('dl_contact')}</span><input value={contact} onChange={(e) => setContact(e.target.value)} /></label>
      </div>
      {rows.length === 0 ? <p className="muted">{t('dl_pickFirst')}</p> : <p>{rows.map((r) => r.headName).join('、')}</p>}
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      <button type="button" className="primary" disabled={busy} onClick={submit}>{t('dl_postNotice')}</button>
    </section>
  );
}
