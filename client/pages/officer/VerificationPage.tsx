// 重点核查户: the village's households to verify, from applications, departments' warnings and the
// officer's own findings, the longest waiting first. The officer opens the identification form
// for one (pre-filled from it), or closes it with a reason; adds what they found themselves.
import { useState } from 'react';
import { CLOSE_REASONS, VERIFICATION_SOURCE_LABELS, VERIFICATION_STATE_LABELS } from '@engine';
import type { VerificationItem } from '@engine/contract';
import { Link } from '../../app/router';
import { ApiError } from '../../api/http';
import type { Division, FormSummary } from '../../api/types';
import { ErrorMessage, Layout, Loading } from '../../components/Layout';
import { maskIdNumber } from '../../components/maskIdNumber';
import { useLoad } from '../../components/useLoad';
import { cachedGet } from '../../offline/cachedGet';
import { verificationApi } from '../../verification/verificationApi';
import { VerificationCounts } from '../../verification/VerificationCounts';

const STATES = ['open', 'included', 'closed', ''] as const;
const message = (e: unknown) => (e instanceof ApiError ? e.message : '网络连接失败，请稍后再试');

function CloseForm({ item, onDone }: { item: VerificationItem; onDone(problem: string | null): void }) {
  const [choice, setChoice] = useState<string>(CLOSE_REASONS[0]);
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const reason = choice === '其他' ? other.trim() : choice;
  const submit = async () => {
    setBusy(true);
    try {
      await verificationApi.close(item.id, { revision: item.revision, reason });
      onDone(null);
    } catch (e) {
      onDone(message(e));
    }
  };
  return (
    <form className="close-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <fieldset>
        <legend>关闭原因</legend>
        {[...CLOSE_REASONS, '其他'].map((r) => (
          <label key={r}><input type="radio" name={`reason-${item.id}`} value={r} checked={choice === r} onChange={() => setChoice(r)} /> {r}</label>
        ))}
        {choice === '其他' ? <input type="text" aria-label="其他原因" value={other} maxLength={200} onChange={(e) => setOther(e.target.value)} /> : null}
      </fieldset>
      <button type="submit" disabled={busy || reason === ''}>确认关闭</button>
    </form>
  );
}

function AddForm({ code, onAdded }: { code: string; onAdded(): void }) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    try {
      await verificationApi.add({ divisionCode: code, name: name.trim(), reason: reason.trim(), ...(idNumber.trim() ? { idNumber: idNumber.trim() } : {}) });
      setName(''); setIdNumber(''); setReason(''); setProblem(null);
      onAdded();
    } catch (e) {
      setProblem(message(e));
    }
  };
  return (
    <form className="panel add-finding" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>新增核查对象（信息员发现）</h2>
      <label>姓名 <input value={name} onChange={(e) => setName(e.target.value)} /></label>
      <label>身份证号（可不填） <input value={idNumber} onChange={(e) => setIdNumber(e.target.value)} /></label>
      <label>核查原因 <textarea value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      {problem ? <ErrorMessage message={problem} /> : null}
      <button type="submit">加入核查</button>
    </form>
  );
}

function ItemCard({ item, forms, code, onChanged }: { item: VerificationItem; forms: FormSummary[]; code: string; onChanged(problem: string | null): void }) {
  const [closing, setClosing] = useState(false);
  const start = (form: FormSummary) => `/start/${form.id}?division=${code}&item=${item.id}${item.householdId ? `&household=${item.householdId}` : ''}`;
  return (
    <li className={`verification-item state-${item.state}`}>
      <strong>{item.name}</strong> {item.idNumber ? <span className="muted">{maskIdNumber(item.idNumber)}</span> : null}
      <span className="badge">{VERIFICATION_SOURCE_LABELS[item.source]}</span>
      <span className="badge">{VERIFICATION_STATE_LABELS[item.state]}</span>
      <p>{item.reason}</p>
      <p className="muted">
        {item.state === 'open' ? `已等待 ${item.waitingDays} 天` : `${item.waitingDays} 天办结`}
        {item.closedReason ? ` · 关闭原因：${item.closedReason}` : ''}
        {item.submissionId && item.state === 'open' ? ' · 已打开识别表' : ''}
      </p>
      {item.state === 'open' ? (
        <div className="item-actions">
          {item.submissionId ? <Link to={`/fill/${item.submissionId}`} className="button">继续填写识别表</Link>
            : forms.map((f) => <Link key={f.id} to={start(f)} className="button">打开{f.title}</Link>)}
          <button type="button" onClick={() => setClosing((c) => !c)}>{closing ? '取消' : '关闭'}</button>
        </div>
      ) : null}
      {closing ? <CloseForm item={item} onDone={(problem) => { setClosing(false); onChanged(problem); }} /> : null}
    </li>
  );
}

export function VerificationPage({ code }: { code: string }) {
  const [state, setState] = useState<(typeof STATES)[number]>('open');
  const [problem, setProblem] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const divisions = useLoad(() => cachedGet<{ items: Division[] }>('/api/divisions'), []);
  const forms = useLoad(() => cachedGet<{ items: FormSummary[] }>('/api/forms'), []);
  const list = useLoad(() => verificationApi.list({ division: code, state: state || undefined }), [code, state]);
  const village = divisions.value?.data.items.find((d) => d.code === code);
  const identification = (forms.value?.data.items ?? []).filter((f) => f.createsHousehold);
  return (
    <Layout title={`${village?.name ?? ''}重点核查户`} back={`/villages/${code}`}>
      {list.value ? <VerificationCounts counts={list.value.counts} /> : null}
      {/* biome-ignore lint/a11y/useSemanticElements: a row of large tap-target buttons, as the household list's filters. */}
      <div className="chips" role="group" aria-label="状态">
        {STATES.map((s) => (
          <button key={s || 'all'} type="button" className={s === state ? 'chosen' : ''} aria-pressed={s === state} onClick={() => setState(s)}>
            {s ? VERIFICATION_STATE_LABELS[s] : '全部'}
          </button>
        ))}
      </div>
      {problem ? <ErrorMessage message={problem} /> : null}
      {list.error ? <ErrorMessage message={list.error} retry={list.reload} /> : null}
      {list.loading && !list.value ? <Loading /> : null}
      <ul className="card-list verification-items">
        {(list.value?.items ?? []).map((item) => (
          <ItemCard key={item.id} item={item} forms={identification} code={code} onChanged={(p) => { setProblem(p); list.reload(); }} />
        ))}
      </ul>
      {list.value && list.value.items.length === 0 ? <p className="empty">没有{state ? VERIFICATION_STATE_LABELS[state] : ''}的核查对象</p> : null}
      <div className="page-actions">
        <button type="button" onClick={() => setAdding((a) => !a)}>{adding ? '收起' : '+ 新增核查对象'}</button>
      </div>
      {adding ? <AddForm code={code} onAdded={() => { setAdding(false); list.reload(); }} /> : null}
    </Layout>
  );
}
