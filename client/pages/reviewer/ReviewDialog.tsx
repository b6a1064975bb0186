// The review of one submission: return it to the officer with a comment (required: the village
// must know what to fix) and the fields marked on the page, each with its note; or approve it (a
// comment is optional) after reading its warnings and the officer's explanations (核实说明),
// listed first; either at the revision the reviewer is looking at. The server's refusal (already
// approved, changed meanwhile, not at this reviewer's level) is shown in its own words; when
// someone else acted first (409) the dialog offers to load the submission as it is now.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, OfflineError } from '../../api/http';
import type { Issue } from '@engine';
import type { FieldNote, Submission } from '../../api/types';
import { t } from '../../i18n/tReviewer';
import { reviewerApi } from './reviewerApi';
import { WarningsExplained } from './WarningsExplained';

/** A note on a field as the reviewer wrote it on the page, with the field's name to show. */
export interface MarkedField extends FieldNote {
  label: string;
}

interface Props {
  submissionId: string;
  /** The revision shown to the reviewer. */
  revision: number;
  decision: 'approve' | 'return';
  /** The submission's warnings and the officer's explanations, read before approving. */
  warnings?: readonly Pick<Issue, 'path' | 'code' | 'message'>[];
  explanations?: Record<string, string>;
  /** The fields marked for the officer, sent with a return. */
  fieldNotes?: readonly MarkedField[];
  onClose(): void;
  onDone(record: Submission): void;
  /** Closes the dialog and shows the submission as it is now. */
  onReload(): void;
}

export function ReviewDialog({ submissionId, revision, decision, warnings = [], explanations = {}, fieldNotes = [], onClose, onDone, onReload }: Props) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [overtaken, setOvertaken] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const fieldId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  useEffect(() => {
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onClose();
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [busy, onClose]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const text = comment.trim();
    if (decision === 'return' && !text) {
      setError(t('rv_commentRequired'));
      box.current?.focus();
      return;
    }
    if (decision === 'return' && fieldNotes.some((n) => !n.note.trim())) {
      setError(t('rv_fieldNoteRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    setOvertaken(false);
    try {
      const notes = decision === 'return' ? fieldNotes.map(({ path, note }) => ({ path, note: note.trim() })) : [];
      onDone(await reviewerApi.review(submissionId, revision, decision, text, notes));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : e instanceof OfflineError ? t('networkError') : t('serverError'));
      setOvertaken(e instanceof ApiError && e.status === 409);
    } finally {
      setBusy(false);
    }
  };

  const returning = decision === 'return';
  return (
    <div className="rv-dialog-backdrop">
      <form className="rv-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={send} noValidate>
        <h2 id={titleId}>{returning ? t('rv_returnTitle') : t('rv_approveTitle')}</h2>
        {!returning && warnings.length ? (
          <section className="rv-dialog-list" aria-label={t('rv_warningsToRead', { n: warnings.length })}>
            <p>{t('rv_warningsToRead', { n: warnings.length })}</p>
            <WarningsExplained warnings={warnings} explanations={explanations} />
          </section>
        ) : null}
        {returning && fieldNotes.length ? (
          <section className="rv-dialog-list" aria-label={t('rv_fieldNotes', { n: fieldNotes.length })}>
            <p>{t('rv_fieldNotes', { n: fieldNotes.length })}</p>
            <ul>{fieldNotes.map((n) => <li key={n.path}>{n.label}：{n.note.trim() || '—'}</li>)}</ul>
          </section>
        ) : null}
        <label htmlFor={fieldId}>{returning ? t('rv_returnComment') : t('rv_approveComment')}</label>
        <textarea
          id={fieldId}
          ref={box}
          value={comment}
          maxLength={2000}
          placeholder={returning ? t('rv_returnPlaceholder') : ''}
          aria-invalid={error && returning && !comment.trim() ? true : undefined}
          onChange={(e) => setComment(e.target.value)}
        />
        {error ? (
          <p className="rv-error" role="alert">
            {error}
            {overtaken ? <> <button type="button" onClick={onReload}>{t('reloadLatest')}</button></> : null}
          </p>
        ) : null}
        <div className="rv-dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>{t('rv_cancel')}</button>
          <button type="submit" className={returning ? 'danger' : 'primary'} disabled={busy}>
            {busy ? t('rv_sending') : returning ? t('rv_return') : t('rv_approve')}
          </button>
        </div>
      </form>
    </div>
  );
}
