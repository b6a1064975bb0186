// One submission for review: shown read-only in the officer's own renderer against the form
// version it was filled with (the campaign's parameters, the household), its stored issues
// beside the fields with the officer's explanations of the warnings (核实说明), the corrections
// of registry values, its history, and the registry household beside it; 通过 / 退回 when this
// reviewer may act on it now, and then 标注 on each field to point the officer at it on a return;
// 打印 opens it as the paper sheet (print/PrintPage).
import { useCallback, useMemo, useState } from 'react';
import { fieldLabel, mayReview, type Household } from '@engine';
import { Link } from '../../app/router';
import { useSession } from '../../app/SessionContext';
import type { FormVersion, HouseholdDetail, Submission, SubmissionDetail } from '../../api/types';
import { ErrorMessage, Layout, Loading } from '../../components/Layout';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../components/useLoad';
import { FormRenderer } from '../../form/FormRenderer';
import { FormSession } from '../../form/FormSession';
import { loadVersionForm, type PreparedForm } from '../../form/loadValidators';
import { t } from '../../i18n/tReviewer';
import { CorrectionsPanel } from './CorrectionsPanel';
import { formatTime } from './formatTime';
import { HouseholdPanel } from './HouseholdPanel';
import { FieldNotesPanel } from './FieldNotesPanel';
import { ReviewDialog, type MarkedField } from './ReviewDialog';
import { reviewerApi } from './reviewerApi';
import { useCatalog } from './ReviewerCatalog';
import { SubmissionHistory } from './SubmissionHistory';
import { LAST_TABLE_KEY } from './SubmissionsPage';
import { WarningsExplained } from './WarningsExplained';
import { GateButton } from './deliberation/GateButton';

interface Loaded {
  submission: SubmissionDetail;
  form: FormVersion;
  prepared: PreparedForm;
  household: HouseholdDetail | null;
}

async function load(id: string): Promise<Loaded> {
  const submission = await reviewerApi.submission(id);
  const [form, household] = await Promise.all([
    reviewerApi.formVersion(submission.formId, submission.formVersion),
    submission.householdId ? reviewerApi.household(submission.householdId) : Promise.resolve(null),
  ]);
  const prepared = await loadVersionForm(submission.formId, submission.formVersion, form.definition);
  return { submission, form, prepared, household };
}

export function SubmissionPage({ id }: { id: string }) {
  const loaded = useLoad(() => load(id), [id]);
  // Kept here: the view is made anew for the submission's new revision after a review.
  const [notice, setNotice] = useState<string | null>(null);
  const back = sessionStorage.getItem(LAST_TABLE_KEY) ?? '/review';
  if (!loaded.value) {
    return (
      <Layout title={t('rv_submission')} back={back} wide>
        {loaded.error ? <ErrorMessage message={loaded.error} retry={loaded.reload} /> : <Loading />}
      </Layout>
    );
  }
  return (
    <SubmissionView
      key={`${loaded.value.submission.id}-${loaded.value.submission.revision}`}
      {...loaded.value} back={back} notice={notice}
      reviewed={(message) => {
        setNotice(message);
        loaded.reload();
      }}
      reload={() => {
        setNotice(null);
        loaded.reload();
      }}
    />
  );
}

interface ViewProps extends Loaded {
  back: string;
  notice: string | null;
  reviewed(message: string): void;
  /** Shows the submission as it is now (someone else acted on it). */
  reload(): void;
}

function SubmissionView({ submission, form, prepared, household, back, notice, reviewed, reload }: ViewProps) {
  const { user } = useSession();
  const catalog = useCatalog();
  const definition = form.definition;
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const campaign = catalog.campaigns.find((c) => c.id === submission.campaignId);
  const session = useMemo(() => {
    const s = new FormSession({
      form: prepared.form,
      context: { params: campaign?.parameters ?? {}, household: household as Household | null },
      data: submission.data,
      explanations: submission.explanations ?? {},
    });
    s.showServerIssues([...submission.errors, ...submission.warnings], true);
    return s;
  }, [prepared, campaign, household, submission]);
  const canAct = user ? mayReview(user, definition, submission) : false;
  const [marks, setMarks] = useState<MarkedField[]>([]);
  const mark = useCallback((pointer: string) => {
    setMarks((now) => (now.some((m) => m.path === pointer) ? now : [...now, { path: pointer, label: fieldLabel(pointer, prepared.form.index).label, note: '' }]));
    setTimeout(() => document.getElementById(`note-${pointer}`)?.focus(), 0);
  }, [prepared]);
  const done = (record: Submission) => {
    setDialog(null);
    reviewed(record.status === 'returned' ? t('rv_returnedDone') : record.status === 'approved' ? t('rv_approvedDone') : t('rv_approvedNext', { level: record.waitingOn ?? '' }));
  };
  const issues = [...submission.errors, ...submission.warnings];

  return (
    <Layout title={`${definition.title} · ${submission.headName}`} back={back} wide>
      <div className="rv-submission">
        <div className="rv-submission-main">
          <div className="form-meta">
            <StatusBadge status={submission.status} />
            {submission.waitingOn ? <span>{t('rv_waitingFor', { level: submission.waitingOn })}</span> : null}
            <span>{campaign?.title ?? submission.campaignId}</span>
            <span>{t('rv_formVersionNote', { n: submission.formVersion })}</span>
            <span>{t('rv_submittedAt')} {formatTime(submission.submittedAt) || '—'}</span>
          </div>
          {submission.escalation ? (
            <div className="banner escalation" role="note">{t('rv_escalation', { reason: submission.escalation.reason, level: submission.escalation.levelTitle })}</div>
          ) : null}
          {submission.status === 'returned' && submission.returnComment ? (
            <div className="banner returned" role="status">{t('rv_statusReturned', { comment: submission.returnComment })} · {t('rv_waitingOfficer')}</div>
          ) : null}
          <FormRenderer definition={definition} session={session} validator={prepared.validator} readOnlyView onMarkField={canAct ? mark : undefined} />
        </div>
        <aside className="rv-submission-side">
          <section className="panel rv-actions">
            {notice ? <p className="banner ok" role="status">{notice}</p> : null}
            {canAct ? (
              <div className="rv-action-buttons">
                <GateButton submissionId={submission.id} revision={submission.revision} onApprove={() => setDialog('approve')} />
                <button type="button" className="danger" onClick={() => setDialog('return')}>{t('rv_return')}</button>
              </div>
            ) : submission.status === 'submitted' ? <p className="muted">{t('rv_notYours', { level: submission.waitingOn ?? '' })}</p> : null}
            <Link to={`/review/submissions/${encodeURIComponent(submission.id)}/print`} className="button">{t('rv_print')}</Link>
            <Link to={back} className="button">{t('rv_backToList')}</Link>
          </section>
          {issues.length ? (
            <section className="panel">
              <h2>{t('rv_issuesOfSubmission')}</h2>
              <ul className="rv-issues">
                {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
                {submission.errors.map((issue, i) => <li key={i} className={`issue ${issue.severity}`}>{issue.message}</li>)}
              </ul>
              <WarningsExplained warnings={submission.warnings} explanations={submission.explanations} />
            </section>
          ) : null}
          {canAct ? <FieldNotesPanel marks={marks} onChange={setMarks} /> : null}
          <CorrectionsPanel corrections={submission.corrections} />
          <section className="panel">
            <h2>{t('rv_history')}</h2>
            <SubmissionHistory history={submission.history} definition={definition} />
          </section>
          <HouseholdPanel household={household} />
        </aside>
      </div>
      {dialog ? (
        <ReviewDialog
          submissionId={submission.id} revision={submission.revision} decision={dialog} warnings={submission.warnings} explanations={submission.explanations} fieldNotes={marks}
          onClose={() => setDialog(null)} onDone={done} onReload={() => { setDialog(null); reload(); }}
        />
      ) : null}
    </Layout>
  );
}
