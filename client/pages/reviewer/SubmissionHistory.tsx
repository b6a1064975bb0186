// Who did what to a submission, and when: each save, submission, approval, return and registry
// change, with the reviewer's comment and the fields changed (by their titles, old → new); a
// submit's explanations of its warnings (核实说明) and a return's notes on fields.
import { buildFieldIndex, fieldLabel, type FormDefinition } from '@engine';
import type { SubmissionDetail } from '../../api/types';
import { t } from '../../i18n/tReviewer';
import { formatTime } from './formatTime';
import { shownValue } from './shownValue';

const SHOWN = 12;

type Event = SubmissionDetail['history'][number];

function changeText(change: Event['changes'][number], index: ReturnType<typeof buildFieldIndex>): string {
  if (change.note) return change.note;
  const label = change.field.startsWith('/') ? fieldLabel(change.field, index).label : change.field;
  return `${label}：${shownValue(change.from)} → ${shownValue(change.to)}`;
}

/** "A3 监测对象类别：" for the field a warning rule sits on, or "" when the rule is gone. */
function ruleField(definition: FormDefinition, ruleId: string, index: ReturnType<typeof buildFieldIndex>): string {
  const rule = definition.rules?.validations?.find((r) => r.id === ruleId);
  return rule ? `${fieldLabel(`/${rule.field.split('.').join('/')}`, index).label}：` : '';
}

export function SubmissionHistory({ history, definition }: { history: Event[]; definition: FormDefinition }) {
  const index = buildFieldIndex(definition.schema);
  const levels = definition.review?.levels ?? [];
  if (history.length === 0) return <p className="empty">{t('rv_noHistory')}</p>;
  return (
    <ol className="rv-history">
      {[...history].reverse().map((event) => {
        const level = event.level !== null && (event.action === 'approve' || event.action === 'return') ? levels[event.level]?.title : undefined;
        return (
          <li key={event.id}>
            <div className="rv-history-head">
              <strong>{t(`rv_action_${event.action as 'create'}`)}</strong>
              {level ? <span>{t('rv_atLevel', { level })}</span> : null}
              <span className="muted">{event.username} · {formatTime(event.at)}</span>
            </div>
            {event.comment ? <p className={`rv-history-comment ${event.action}`}>{t('rv_comment')}：{event.comment}</p> : null}
            {event.explanations && Object.keys(event.explanations).length ? (
              <div className="rv-history-explanations">
                <span className="muted">{t('rv_historyExplanations')}：</span>
                <ul>{Object.entries(event.explanations).map(([ruleId, text]) => <li key={ruleId}>{ruleField(definition, ruleId, index)}{text}</li>)}</ul>
              </div>
            ) : null}
            {event.fieldNotes?.length ? (
              <div className="rv-history-notes">
                <span className="muted">{t('rv_historyFieldNotes')}：</span>
                {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
                <ul>{event.fieldNotes.map((n, i) => <li key={i}>{fieldLabel(n.path, index).label}：{n.note}</li>)}</ul>
              </div>
            ) : null}
            {event.changes.length ? (
              <ul className="rv-changes">
                {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
                {event.changes.slice(0, SHOWN).map((change, i) => <li key={i}>{changeText(change, index)}</li>)}
                {event.changes.length > SHOWN ? <li className="muted">{t('rv_moreChanges', { n: event.changes.length - SHOWN })}</li> : null}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
