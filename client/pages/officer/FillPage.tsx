// Filling a form: the draft from the phone (or the server), rendered with the version it was
// started on, every change kept on the phone within a second, 保存 sending it as a draft and
// 正式提交 validating the whole form first (every issue listed, with jump-to-field, and each
// warning's explanation asked for), then sending it — or queueing it until the server has it. A
// returned submission shows the reviewer's comment and notes on fields; a submitted or approved
// one is read-only, its state said in the bottom bar where 正式提交 was. The draft on the phone is followed while the page is open: a send by the
// queue in the background (or in another tab) shows its outcome here at once, with what to do
// when it did not go through (QueueNotice). A form moved to a new version says what changed
// (MoveNotice); one whose campaign serves a newer version than it was filled on offers to move.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { definitionLanguages, displayDefinition, EXPLANATION_CODE_PREFIX, unexplainedWarnings, verificationFields, type Household } from '@engine';
import { Link } from '../../app/router';
import { FormLanguagePicker } from '../../components/LanguagePicker';
import { ErrorMessage, Layout, Loading, StaleNote } from '../../components/Layout';
import { QueueBadge, QueueNotice } from '../../components/QueueNotice';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../components/useLoad';
import { ErrorSummary, explanationId } from '../../form/ErrorSummary';
import { FormRenderer } from '../../form/FormRenderer';
import { FormSession } from '../../form/FormSession';
import { MoveNotice } from '../../form/MoveNotice';
import { MoveOffer } from './MoveOffer';
import { ReviewNotes } from '../../form/ReviewNotes';
import { loadVersionForm, type PreparedForm } from '../../form/loadValidators';
import { FormStoreContext } from '../../form/useFormStore';
import { formLanguage } from '../../i18n/language';
import { t } from '../../i18n/t';
import { getDraft, updateDraft } from '../../offline/drafts';
import { takeFill, type FillData } from '../../offline/loadFill';
import { onLeaving } from '../../offline/beforeLeaving';
import { onDraftChanged } from '../../offline/draftEvents';
import { queueMessage, queueStateOf } from '../../offline/queueState';
import { queueAction } from '../../offline/queueActions';
import { refreshPending, sendOne } from '../../offline/syncQueue';

const SAVE_DELAY_MS = 300;

interface Loaded extends FillData {
  prepared: PreparedForm;
  /** The language the form is shown in: the device's when the definition has it, else Chinese. */
  language: string;
}

async function load(id: string): Promise<Loaded> {
  const data = await takeFill(id);
  const language = formLanguage(definitionLanguages(data.form.definition));
  return { ...data, language, prepared: await loadVersionForm(data.draft.formId, data.draft.formVersion, data.form.definition, language) };
}

export function FillPage({ id }: { id: string }) {
  const loaded = useLoad(() => load(id), [id]);
  if (loaded.loading && !loaded.value) return <Layout title={t('fillForm')}><Loading /></Layout>;
  if (loaded.error || !loaded.value) return <Layout title={t('fillForm')} back="/"><ErrorMessage message={loaded.error ?? t('notFound')} retry={loaded.reload} /></Layout>;
  return <FillForm key={`${loaded.value.draft.id}-${loaded.value.draft.serverRevision}-${loaded.value.draft.updatedAt}`} {...loaded.value} reload={loaded.reload} />;
}

function FillForm({ draft: initial, form, prepared, campaign, household, staleSince, reload, language }: Loaded & { reload: () => void }) {
  const definition = form.definition;
  // The form's texts in its language, the schema as it is (the precompiled validators are keyed by it).
  const shownDefinition = displayDefinition(definition, language);
  const [draft, setDraft] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const readOnly = draft.serverStatus === 'submitted' || draft.serverStatus === 'approved';
  const session = useMemo(() => new FormSession({
    form: prepared.form,
    context: { params: campaign?.parameters ?? {}, household: household as Household | null },
    data: initial.data,
    verify: { fields: verificationFields(definition), registry: initial.prefill, confirmed: initial.confirmed },
    explanations: initial.explanations,
    fieldNotes: initial.serverStatus === 'returned' ? initial.fieldNotes : [],
  }), [definition, prepared, campaign, household, initial]);

  // Every change is kept on the phone within a second of the last keystroke.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveLocally = useRef<() => Promise<void>>(async () => {});
  // The save under way (its snapshot already taken): leaving waits for it too.
  const saving = useRef<Promise<void> | null>(null);
  saveLocally.current = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (readOnly) return Promise.resolve();
    const snapshot = session.store.get();
    const save = (async () => {
      const next = await updateDraft(draft.id, (d) => ({
        ...d, data: snapshot.data, confirmed: [...snapshot.verify.confirmed], explanations: { ...snapshot.explanations }, updatedAt: new Date().toISOString(),
        pending: d.pending === 'submit' ? 'submit' : 'save',
      }));
      if (next) setDraft(next);
      setSavedAt(new Date().toLocaleTimeString('zh-CN'));
      void refreshPending();
    })();
    saving.current = save;
    return save;
  };
  // Listening starts in the same commit that shows the form (a layout effect), so no keystroke can
  // come before it.
  useLayoutEffect(() => {
    const schedule = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveLocally.current(), SAVE_DELAY_MS);
    };
    const stopData = session.onData(schedule);
    let seen = session.store.get();
    const stopStore = session.store.subscribe(() => {
      const now = session.store.get();
      if (now.verify.confirmed !== seen.verify.confirmed || now.explanations !== seen.explanations) schedule();
      seen = now;
    });
    const flush = () => {
      if (timer.current) void saveLocally.current();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    // Before the app reloads into a new version (有新版本，点击更新), the save completes first.
    const stopLeaving = onLeaving(async () => {
      if (timer.current) await saveLocally.current();
      else await saving.current;
    });
    return () => {
      stopData();
      stopStore();
      stopLeaving();
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [session]);

  // Whoever changed the draft (the queue in the background, another tab), the page shows it —
  // also a change made while the page was still loading, before it listened (read once on mount).
  const shown = useRef(draft);
  shown.current = draft;
  useEffect(() => {
    const follow = () => void getDraft(initial.id).then((fresh) => {
      const before = shown.current;
      if (!fresh || (fresh.updatedAt === before.updatedAt && fresh.pending === before.pending && fresh.queueState === before.queueState
        && fresh.serverRevision === before.serverRevision && fresh.nextAttemptAt === before.nextAttemptAt)) return;
      // Sent in the background: the notice says so instead of "queued"; kept: it says why.
      if (fresh.formVersion !== before.formVersion) {
        reload();
        return;
      }
      if (before.pending !== null && fresh.pending === null) {
        setNotice(fresh.serverStatus === 'submitted' ? t('submitted') : t('savedToServer', { time: new Date().toLocaleTimeString('zh-CN') }));
      } else if (queueStateOf(fresh) !== 'waiting' && (queueStateOf(fresh) !== queueStateOf(before) || fresh.nextAttemptAt !== before.nextAttemptAt)) {
        setNotice(queueMessage(fresh));
      }
      setDraft(fresh);
    });
    const stop = onDraftChanged((changed) => {
      if (changed === initial.id) follow();
    });
    follow();
    return stop;
  }, [initial.id, reload]);

  // The server's issues from its last refusal, at their fields (a 422 met in the background too).
  useEffect(() => {
    if (draft.serverIssues.length) session.showServerIssues(draft.serverIssues);
  }, [session, draft.serverIssues]);

  const send = async (action: 'save' | 'submit') => {
    setBusy(action);
    setNotice(null);
    try {
      await saveLocally.current();
      if (action === 'submit') {
        const result = session.validate(true);
        if (!result.valid) {
          setTimeout(() => summaryRef.current?.focus(), 0);
          return;
        }
        // Each warning needs its explanation (核实说明); the server refuses a submit without it too.
        const unexplained = unexplainedWarnings(result.warnings, session.store.get().explanations);
        if (unexplained.length > 0) {
          setNotice(t('explanationsMissing', { n: unexplained.length }));
          const first = unexplained[0]!.code.slice(EXPLANATION_CODE_PREFIX.length);
          setTimeout(() => document.getElementById(explanationId(first))?.focus(), 0);
          return;
        }
      }
      const queued = await queueAction(draft.id, action);
      if (!queued) return;
      const outcome = await sendOne(queued.id);
      if (!outcome) return;
      setDraft(outcome.draft);
      const kept = queueStateOf(outcome.draft);
      if (outcome.kind === 'kept' && kept === 'waiting') setNotice(action === 'submit' ? t('submitQueued') : t('savedLocally', { time: new Date().toLocaleTimeString('zh-CN') }));
      else if (outcome.kind === 'kept') {
        // Said where the officer is looking (the buttons bar), and the notice with its buttons brought into view.
        setNotice(queueMessage(outcome.draft));
        if (kept === 'invalid' && outcome.draft.serverIssues.length) setTimeout(() => summaryRef.current?.focus(), 0);
        else setTimeout(() => document.querySelector('.banner.queue')?.scrollIntoView?.({ block: 'center' }), 0);
      } else if (outcome.draft.formVersion !== draft.formVersion) {
        // The server moved it to the version its campaign serves now: shown on that version, with what changed.
        reload();
      } else {
        setNotice(action === 'submit' ? t('submitted') : t('savedToServer', { time: new Date().toLocaleTimeString('zh-CN') }));
        if (action === 'submit') reload();
      }
    } finally {
      setBusy(null);
      void refreshPending();
    }
  };

  const status = draft.serverStatus ?? (draft.pending ? null : 'local');
  const titleOf = (key: string) => prepared.form.index.fields.get(key)?.title ?? key;
  const back = draft.householdId ? `/households/${draft.householdId}` : `/villages/${draft.divisionCode}`;
  return (
    <Layout title={shownDefinition.title} back={back}>
      <FormStoreContext.Provider value={session.store}>
        <div className="form-meta">
          <span>{household?.headName ?? draft.headName ?? ''}</span>
          {campaign ? <span>{campaign.title}</span> : null}
          <span>{t('formVersion', { n: form.version })}</span>
          {status ? <StatusBadge status={status} /> : null}
          <QueueBadge draft={draft} />
          <FormLanguagePicker languages={definitionLanguages(definition)} value={language} beforeChange={() => saveLocally.current()} />
        </div>
        <StaleNote since={staleSince} />
        {draft.serverStatus === 'returned' && draft.returnComment ? <div className="banner returned" role="alert">{t('returnedBy', { comment: draft.returnComment })}</div> : null}
        <MoveNotice notice={draft.moveNotice} index={prepared.form.index} />
        <MoveOffer draft={draft} onMoved={reload} />
        <ReviewNotes index={prepared.form.index} />
        {draft.serverStatus === 'approved' ? <div className="banner ok">{t('readOnlyApproved')}</div> : null}
        {draft.serverStatus === 'submitted' ? <div className="banner ok">{t('readOnlySubmitted', { level: '审核' })}</div> : null}
        <QueueNotice draft={draft} titleOf={titleOf} onReplaced={reload} />
        <ErrorSummary ref={summaryRef} session={session} readOnly={readOnly} />
        <FormRenderer definition={shownDefinition} session={session} validator={prepared.validator} readOnlyView={readOnly} firstScreenFirst />
        {!readOnly ? (
          <div className="action-bar">
            <p className="save-state" role="status">{notice ?? (savedAt ? t('savedLocally', { time: savedAt }) : '')}</p>
            <button type="button" onClick={() => void send('save')} disabled={busy !== null}>{busy === 'save' ? t('saving') : t('save')}</button>
            <button type="button" className="primary" onClick={() => void send('submit')} disabled={busy !== null}>{busy === 'submit' ? t('submitting') : t('submit')}</button>
          </div>
        ) : (
          // Submitted or approved: said in the bar where 正式提交 was, in view wherever the form is scrolled to.
          <div className="action-bar done">
            <p className="save-state" role="status">{notice ?? (draft.serverStatus === 'approved' ? t('readOnlyApproved') : t('submitted'))}</p>
            <Link to={back} className="button">{t('back')}</Link>
          </div>
        )}
      </FormStoreContext.Provider>
    </Layout>
  );
}
