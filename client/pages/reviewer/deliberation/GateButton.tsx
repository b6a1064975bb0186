// 通过, or in its place why the level may not approve yet (民主评议 or 公示 not finished, the notice
// period running, an objection waiting, or a result that means the reviewer returns it). The
// server refuses an approval with the same reason; this only saves the reviewer the attempt.
import { t } from '../../../i18n/tDeliberation';
import { useLoad } from '../../../components/useLoad';
import { deliberationApi } from '../../../deliberation/deliberationApi';

interface Props {
  submissionId: string;
  /** Asked again when the submission changes. */
  revision: number;
  onApprove(): void;
}

export function GateButton({ submissionId, revision, onApprove }: Props) {
  const loaded = useLoad(() => deliberationApi.ofSubmission(submissionId), [submissionId, revision]);
  const gate = loaded.value?.gate;
  if (gate && !gate.open) {
    return (
      <p className="banner gate" role="note" data-testid="gate-reason">
        {t('dl_gateReason', { reason: gate.reason ?? '' })}{gate.mustReturn ? t('dl_mustReturn') : ''}
      </p>
    );
  }
  // Unread (an error): offered all the same — the server refuses a shut gate with its reason.
  return <button type="button" className="primary" onClick={onApprove} disabled={!gate && loaded.loading}>{t('rv_approve')}</button>;
}
