// A draft or returned submission on the server whose campaign has adopted a newer version of its
// form than it was filled on (and did not move it): offered to move, answers carried by code, the
// removed fields' answers kept in its history (POST /api/submissions/:id/move). The moved record
// replaces the phone's copy; the page then shows it on the new version with what changed.
import { useState } from 'react';
import { api } from '../../api/http';
import type { MoveRequest, SubmissionDetail } from '../../api/types';
import { t } from '../../i18n/t';
import { draftOf } from '../../offline/draftFromServer';
import { putDraft } from '../../offline/drafts';
import type { LocalDraft } from '../../offline/LocalDraft';

export function MoveOffer({ draft, onMoved }: { draft: LocalDraft; onMoved(): void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const served = draft.campaign?.formVersion;
  const open = draft.serverStatus === 'draft' || draft.serverStatus === 'returned';
  const revision = draft.serverRevision;
  if (!served || served <= draft.formVersion || !open || revision === null || draft.pending !== null) return null;
  const move = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const moved = await api<SubmissionDetail>('POST', `/api/submissions/${draft.id}/move`, { revision } satisfies MoveRequest);
      await putDraft({ ...draftOf(moved, draft.formTitle), confirmed: draft.confirmed, prefill: draft.prefill });
      onMoved();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner warning" role="note">
      <p>{t('moveOffer', { n: served })}</p>
      <button type="button" onClick={() => void move()} disabled={busy}>{busy ? t('moving') : t('moveNow', { n: served })}</button>
      {problem ? <p role="alert">{problem}</p> : null}
    </div>
  );
}

