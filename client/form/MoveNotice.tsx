// At the top of a form moved to a new version: which versions, who moved it, and each change at
// its field with a button to it — an answer kept from a removed field (with its value), one
// converted, one to give again, a new required field to fill. Read from the submission's move
// (the server's moveNotice); nothing once the form has been submitted since.
import { keyOfPointer, type FieldIndex } from '@engine';
import type { MoveNotice as Notice } from '../api/types';
import { t } from '../i18n/t';
import { jumpToField } from './ErrorSummary';

const shown = (value: unknown) => (typeof value === 'boolean' ? (value ? '是' : '否') : Array.isArray(value) ? value.join('、') : typeof value === 'object' ? JSON.stringify(value) : String(value));

export function MoveNotice({ notice, index }: { notice: Notice | null | undefined; index: FieldIndex }) {
  if (!notice) return null;
  const title = t('movedNotice', { from: notice.fromVersion, to: notice.toVersion, by: notice.username });
  return (
    <section className="review-notes move-notice" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {notice.items.map((item) => {
          // A removed field is no longer in the form: its answer is shown here, not at a field.
          const removed = !index.fields.has(keyOfPointer(item.field));
          return (
            <li key={`${item.field} ${item.note ?? ''}`}>
              {removed ? <span>{item.note}（{t('movedRemovedValue', { value: shown(item.from) })}）</span>
                : <button type="button" className="link" onClick={() => jumpToField(item.field)}>{item.note}</button>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
