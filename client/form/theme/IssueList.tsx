// The issues of one field, as the engine words them, beside the field; under a warning, the
// officer's explanation of it (核实说明) once written; and the reviewer's notes on the field when
// the submission was returned.
import { ruleIdOf, type Issue } from '@engine';
import { t } from '../../i18n/t';
import type { SnapshotKeys } from '../FormStore';
import { useFormStore, useStoreInstance } from '../useFormStore';

const EXPLANATION_KEYS: SnapshotKeys = ['explanations'];

function ExplanationOf({ issue }: { issue: Issue }) {
  const ruleId = ruleIdOf(issue);
  const text = useFormStore((s) => (ruleId === null ? '' : s.explanations[ruleId]?.trim() ?? ''), EXPLANATION_KEYS);
  return text ? <p className="explanation">{t('explanationShown', { text })}</p> : null;
}

export function IssueList({ issues, pointer }: { issues: readonly Issue[]; pointer?: string }) {
  const notes = useStoreInstance().notesAt(pointer ?? '');
  if (issues.length === 0 && (pointer === undefined || notes.length === 0)) return null;
  return (
    <div className="issues">
      {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
      {pointer !== undefined ? notes.map((note, i) => <p key={`note-${i}`} className="issue review-note" role="note">{t('reviewerNote', { note })}</p>) : null}
      {issues.map((issue, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat.
        <div key={i}>
          <p className={`issue ${issue.severity}`} role={issue.severity === 'error' ? 'alert' : 'status'}>
            {issue.message}
          </p>
          {issue.severity === 'warning' ? <ExplanationOf issue={issue} /> : null}
        </div>
      ))}
    </div>
  );
}
