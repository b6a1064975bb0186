// 重点核查户 for a reviewer: the households to verify in the chosen part of the area, counted by
// source and state with how long the oldest waits, each with how long it has waited, exported as
// XLSX or CSV. Reviewers read; the village's officer verifies.
import { useState } from 'react';
import { VERIFICATION_SOURCE_LABELS, VERIFICATION_STATE_LABELS } from '@engine';
import { navigate, useLocation } from '../../app/router';
import { ErrorMessage, Loading } from '../../components/Layout';
import { useLoad } from '../../components/useLoad';
import { verificationApi } from '../../verification/verificationApi';
import { VerificationCounts } from '../../verification/VerificationCounts';
import { DivisionTree } from './DivisionTree';
import { ExportButtons } from './ExportButtons';
import { Pager } from './Pager';
import { useCatalog } from './ReviewerCatalog';
import { ReviewerFrame } from './ReviewerFrame';

const STATES = ['', 'open', 'included', 'closed'] as const;

export function VerificationListPage() {
  const catalog = useCatalog();
  const { query } = useLocation();
  const division = /^\d{2,12}$/.test(query.get('division') ?? '') ? query.get('division')! : undefined;
  const [state, setState] = useState<(typeof STATES)[number]>('open');
  const [page, setPage] = useState(1);
  const list = useLoad(() => verificationApi.list({ division, state: state || undefined, page }), [division, state, page]);
  const a = list.value;
  const filter = { division, state: state || undefined };
  return (
    <ReviewerFrame
      tab="verification"
      selection={{ division }}
      onForm={() => {}}
      onCampaign={() => {}}
      allCampaigns
      allForms
      side={<DivisionTree roots={catalog.tree} selected={division} onSelect={(d) => { setPage(1); navigate(`/review/verification${d ? `?division=${d}` : ''}`); }} />}
    >
      <section className="panel">
        <h2>重点核查户{a ? `（${a.total}）` : ''}</h2>
        {a ? <VerificationCounts counts={a.counts} /> : null}
        <label className="rv-pick">
          <span>状态</span>
          <select value={state} onChange={(e) => { setPage(1); setState(e.target.value as (typeof STATES)[number]); }}>
            {STATES.map((s) => <option key={s || 'all'} value={s}>{s ? VERIFICATION_STATE_LABELS[s] : '全部'}</option>)}
          </select>
        </label>
        <ExportButtons targets={[
          { label: '导出 XLSX', url: verificationApi.exportUrl(filter, 'xlsx') },
          { label: '导出 CSV', url: verificationApi.exportUrl(filter, 'csv') },
        ]} />
        {list.error ? <ErrorMessage message={list.error} retry={list.reload} /> : null}
        {!a && list.loading ? <Loading /> : null}
        {a && a.total === 0 ? <p className="muted">没有核查对象</p> : null}
        {a && a.items.length > 0 ? (
          <table className="rv-table">
            <thead>
              <tr><th scope="col">村</th><th scope="col">姓名</th><th scope="col">来源</th><th scope="col">核查原因</th><th scope="col">状态</th><th scope="col">已等待</th></tr>
            </thead>
            <tbody>
              {a.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.divisionName ?? i.divisionCode}</td>
                  <td>{i.name}</td>
                  <td>{VERIFICATION_SOURCE_LABELS[i.source]}</td>
                  <td>{i.reason}</td>
                  <td>{VERIFICATION_STATE_LABELS[i.state]}{i.closedReason ? `（${i.closedReason}）` : ''}</td>
                  <td>{i.waitingDays} 天</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {a && a.total > a.pageSize ? <Pager page={page} pageSize={a.pageSize} total={a.total} onPage={setPage} /> : null}
      </section>
    </ReviewerFrame>
  );
}
