// At the top of a returned form: the reviewer's notes on fields, each with the field's name and
// a button to it (the note is also shown at the field itself, IssueList.tsx). Nothing when the
// reviewer pointed at no field.
import { fieldLabel, type FieldIndex } from '@engine';
import { t } from '../i18n/t';
import { jumpToField } from './ErrorSummary';
import { useStoreInstance } from './useFormStore';

export function ReviewNotes({ index }: { index: FieldIndex }) {
  const notes = useStoreInstance().get().fieldNotes;
  if (notes.length === 0) return null;
  return (
    <section className="review-notes" aria-label={t('reviewerNotes', { n: notes.length })}>
      <h2>{t('reviewerNotes', { n: notes.length })}</h2>
      <ul>
        {notes.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat.
          <li key={i}>
            <button type="button" className="link" onClick={() => jumpToField(n.path)}>{fieldLabel(n.path, index).label}：{n.note}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
