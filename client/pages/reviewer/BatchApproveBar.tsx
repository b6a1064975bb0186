// Approving the chosen rows together: how many are chosen, a confirmation that first lists the
// chosen submissions with warnings, each warning with the officer's explanation (核实说明), then
// the server's outcome for each (approved, or refused with its Chinese reason: changed
// meanwhile, not at my level…), named by household head so the reviewer knows which to look at.
import { useState } from 'react';
import { ApiError, OfflineError } from '../../api/http';
import type { ApprovalsAnswer, ReviewRow } from '../../api/types';
import { t } from '../../i18n/tReviewer';
import { reviewerApi } from './reviewerApi';
import { WarningsExplained } from './WarningsExplained';

interface Props {
  chosen: ReviewRow[];
  onClear(): void;
  /** After the server answered: the table reloads. */
  onDone(answer: ApprovalsAnswer): void;
}

export function BatchApproveBar({ chosen, onClear, onDone }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (chosen.length === 0) return null;
  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await reviewerApi.approveMany(chosen);
      setConfirming(false);
      onDone(answer);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : e instanceof OfflineError ? t('networkError') : t('serverError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="rv-batch" aria-label={t('rv_approveSelected')}>
      <span>{t('rv_selected', { n: chosen.length })}</span>
      {confirming ? (
        <>
          <WarnedRows chosen={chosen} />
          <strong>{t('rv_confirmApproveMany', { n: chosen.length })}</strong>
          <button type="button" className="primary" onClick={() => void approve()} disabled={busy}>{busy ? t('rv_approving') : t('rv_confirm')}</button>
          <button type="button" onClick={() => setConfirming(false)} disabled={busy}>{t('rv_cancel')}</button>
        </>
      ) : (
        <>
          <button type="button" className="primary" onClick={() => setConfirming(true)}>{t('rv_approveSelected')}</button>
          <button type="button" className="link" onClick={onClear}>{t('rv_clearSelection')}</button>
        </>
      )}
      {error ? <span className="rv-error" role="alert">{error}</span> : null}
    </section>
  );
}

/** The chosen submissions that carry warnings, each warning with its explanation. */
function WarnedRows({ chosen }: { chosen: ReviewRow[] }) {
  const warned = chosen.filter((row) => (row.warnings?.length ?? row.warningCount) > 0);
  if (warned.length === 0) return null;
  return (
    <section className="rv-dialog-list rv-batch-warnings" aria-label={t('rv_batchWarnings', { n: warned.length })}>
      <p>{t('rv_batchWarnings', { n: warned.length })}</p>
      <ul>
        {warned.map((row) => (
          <li key={row.id}>
            <strong>{row.villageName} · {row.headName}</strong>
            {row.warnings ? <WarningsExplained warnings={row.warnings} explanations={row.explanations} /> : <span> {t('rv_warnings', { n: row.warningCount })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What a batch approval did, row by row for the refused ones. */
export function BatchOutcome({ answer, names, onClose }: { answer: ApprovalsAnswer; names: Map<string, string>; onClose(): void }) {
  const refused = answer.results.filter((r) => r.outcome === 'refused');
  return (
    <div className={`banner ${refused.length ? 'warning' : 'ok'} rv-outcome`} role="status">
      <p>{t('rv_approvedMany', { n: answer.approved })}</p>
      {refused.length ? (
        <>
          <p>{t('rv_refusedMany', { n: refused.length })}</p>
          <ul>
            {refused.map((r) => <li key={r.id}><strong>{names.get(r.id) ?? r.id}</strong>：{r.message}</li>)}
          </ul>
        </>
      ) : null}
      <button type="button" className="link" onClick={onClose}>{t('rv_dismiss')}</button>
    </div>
  );
}
