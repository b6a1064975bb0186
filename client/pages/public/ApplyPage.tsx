// /apply/:county — a resident applies on a phone, with no account (纳入监测申请, issue 17): the
// county's published form rendered by the same renderer and engine as the officers' forms (its
// village chosen from the county's registered villages), the proof-of-work solved on send, then
// the receipt number to keep; the status is read with the receipt and the ID number together.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ApplicationReceipt, ApplicationStatus, PublicApplicationForm } from '@engine/contract';
import type { FormDefinition } from '@engine';
import { ApiError } from '../../api/http';
import { FormRenderer } from '../../form/FormRenderer';
import { FormSession } from '../../form/FormSession';
import { importValidators, prepareForm, type PreparedForm } from '../../form/loadValidators';
import { SHOWN_ISSUES_KEYS } from '../../form/FormStore';
import { applicationValidatorsUrl, loadApplicationForm, readStatus, sendApplication } from './publicApi';

interface Loaded {
  page: PublicApplicationForm;
  definition: FormDefinition;
  prepared: PreparedForm;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The chosen village is the page's own select (the county's villages are data, not the definition's). */
function withVillagePicker(definition: FormDefinition): FormDefinition {
  const ui = { ...(definition.uiSchema ?? {}) };
  ui.divisionCode = { ...(ui.divisionCode as object), 'ui:widget': 'hidden' };
  ui.signature = { ...(ui.signature as object), 'ui:widget': 'hidden' };
  return { ...definition, uiSchema: ui };
}

function VillagePicker({ session, villages }: { session: FormSession; villages: PublicApplicationForm['villages'] }) {
  const shown = useSyncExternalStore(
    (listener) => session.store.subscribe(listener, SHOWN_ISSUES_KEYS),
    () => session.store.shownIssuesAt('/divisionCode'),
  );
  const [value, setValue] = useState(String(session.data().divisionCode ?? ''));
  const issue = shown[0];
  return (
    <div className="field village-picker">
      <label htmlFor="apply-village">所在村<span className="required">*</span></label>
      <select id="apply-village" value={value} onChange={(e) => { setValue(e.target.value); session.set('/divisionCode', e.target.value || undefined); }}>
        <option value="">请选择</option>
        {villages.map((v) => <option key={v.code} value={v.code}>{v.township} {v.name}</option>)}
      </select>
      {issue ? <p className="field-error" role="alert">{issue.message}</p> : null}
    </div>
  );
}

function Receipt({ receipt }: { receipt: ApplicationReceipt }) {
  return (
    <section className="apply-receipt" aria-live="polite">
      <h2>申请已提交</h2>
      <p>{receipt.merged ? '您已有一件未办结的申请，本次内容已并入该申请。' : '村里将入户核查，请保持电话畅通。'}</p>
      <p>回执号（请记下或截图保存）：</p>
      <p className="receipt-number" data-testid="receipt">{receipt.receipt}</p>
      <p>凭回执号和身份证号可以在本页下方查询办理进度。</p>
    </section>
  );
}

function StatusLookup() {
  const [receipt, setReceipt] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [answer, setAnswer] = useState<ApplicationStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const look = async () => {
    setError(null);
    setAnswer(null);
    try {
      setAnswer(await readStatus(receipt, idNumber));
    } catch (e) {
      setError(message(e));
    }
  };
  return (
    <section className="apply-status">
      <h2>查询办理进度</h2>
      <label htmlFor="status-receipt">回执号</label>
      <input id="status-receipt" value={receipt} onChange={(e) => setReceipt(e.target.value)} autoComplete="off" />
      <label htmlFor="status-id">身份证号</label>
      <input id="status-id" value={idNumber} onChange={(e) => setIdNumber(e.target.value)} autoComplete="off" />
      <button type="button" onClick={() => void look()} disabled={!receipt || !idNumber}>查询</button>
      {error ? <p className="error-box" role="alert">{error}</p> : null}
      {answer ? (
        <p className="status-answer" role="status">
          {answer.statusText}{answer.reason ? `：${answer.reason}` : ''}（{new Date(answer.receivedAt).toLocaleDateString('zh-CN')} 受理）
        </p>
      ) : null}
    </section>
  );
}

function ApplicationForm({ county, loaded, onSent }: { county: string; loaded: Loaded; onSent: (r: ApplicationReceipt) => void }) {
  const session = useMemo(() => new FormSession({ form: loaded.prepared.form, context: { params: {}, household: null }, data: {} }), [loaded]);
  const shown = useMemo(() => withVillagePicker(loaded.definition), [loaded]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    if (session.validate(true).errors.length > 0) {
      setError('还有内容需要修改，请看各项下方的提示');
      return;
    }
    setBusy(true);
    try {
      onSent(await sendApplication(county, session.data()));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'invalid_submission') session.showServerIssues(e.details?.errors ?? []);
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <VillagePicker session={session} villages={loaded.page.villages} />
      <FormRenderer definition={shown} session={session} validator={loaded.prepared.validator} />
      {error ? <p className="error-box" role="alert">{error}</p> : null}
      <button type="button" className="primary" onClick={() => void send()} disabled={busy}>{busy ? '正在提交…' : '提交申请'}</button>
    </>
  );
}

export default function ApplyPage({ county }: { county: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ApplicationReceipt | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const page = await loadApplicationForm(county);
      const definition = page.form.definition as unknown as FormDefinition;
      const served = await importValidators(applicationValidatorsUrl(page.form.version));
      if (live) setLoaded({ page, definition, prepared: prepareForm(definition, served, { published: true }) });
    })().catch((e: unknown) => { if (live) setError(message(e)); });
    return () => { live = false; };
  }, [county]);
  return (
    <div className="page apply-page">
      <header className="top-bar"><h1>{loaded ? `${loaded.page.county.name} 纳入监测申请` : '纳入监测申请'}</h1></header>
      <main>
        {error ? <p className="error-box" role="alert">{error}</p> : null}
        {!loaded && !error ? <p className="loading" role="status">正在加载…</p> : null}
        {receipt ? <Receipt receipt={receipt} /> : loaded ? <ApplicationForm county={county} loaded={loaded} onSent={setReceipt} /> : null}
        <StatusLookup />
      </main>
    </div>
  );
}
