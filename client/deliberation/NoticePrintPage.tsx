// The printed 公示 (/review/deliberation/notices/:id/print): one A4 page to post on the village's
// notice board — title, the period and where to object, the households (户主姓名, 家庭人口数,
// 监测对象类别 / 主要风险; never an ID number), the village and the date it was posted.
import { ErrorMessage, Loading } from '../components/Layout';
import { useLoad } from '../components/useLoad';
import { t } from '../i18n/tDeliberation';
import { deliberationApi } from './deliberationApi';
import '../pages/reviewer/print/print.css';
import './deliberation.css';

export function NoticePrintPage({ id }: { id: string }) {
  const loaded = useLoad(() => deliberationApi.record(id), [id]);
  const record = loaded.value;
  if (loaded.error) return <div className="print-page"><ErrorMessage message={loaded.error} retry={loaded.reload} /></div>;
  if (!record) return <div className="print-page"><Loading /></div>;
  if (record.kind !== 'notice') return <div className="print-page"><ErrorMessage message={t('dl_noNotices')} /></div>;
  const notice = record.body;
  return (
    <div className="print-page">
      <div className="print-bar">
        <button type="button" onClick={() => history.back()}>{t('dl_printBack')}</button>
        <button type="button" className="primary" onClick={() => window.print()}>{t('dl_printNow')}</button>
      </div>
      <article className="print-sheet notice-sheet">
        <h1>{notice.title}</h1>
        <p>{t('dl_noticeBody', { days: notice.days, startsOn: notice.startsOn, endsOn: notice.endsOn, contact: notice.contact })}</p>
        <table className="sheet-table">
          <thead><tr><th scope="col">{t('dl_no')}</th><th scope="col">{t('dl_head')}</th><th scope="col">{t('dl_size')}</th><th scope="col">{t('dl_category')}</th></tr></thead>
          <tbody>
            {notice.households.map((h, i) => (
              <tr key={h.submissionId}><td>{i + 1}</td><td>{h.headName}</td><td>{h.size ?? ''}</td><td>{h.category}</td></tr>
            ))}
          </tbody>
        </table>
        <div className="notice-foot">
          <div>{t('dl_signature', { division: notice.divisionName })}</div>
          <div>{t('dl_postedOn', { date: notice.startsOn })}</div>
        </div>
      </article>
    </div>
  );
}
