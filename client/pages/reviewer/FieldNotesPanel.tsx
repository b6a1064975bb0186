// The fields a reviewer marked (标注 beside each field of the form) before returning it: each
// with the field's name, a box for what the officer is to change, and a way to unmark it. They
// go with the return and show at their fields on the officer's phone.
import type { MarkedField } from './ReviewDialog';
import { t } from '../../i18n/tReviewer';

export function FieldNotesPanel({ marks, onChange }: { marks: MarkedField[]; onChange(marks: MarkedField[]): void }) {
  if (marks.length === 0) return null;
  const write = (path: string, note: string) => onChange(marks.map((m) => (m.path === path ? { ...m, note } : m)));
  return (
    <section className="panel" aria-label={t('rv_fieldNotes', { n: marks.length })}>
      <h2>{t('rv_fieldNotes', { n: marks.length })}</h2>
      <p className="muted">{t('rv_fieldNotesHint')}</p>
      <ul className="rv-field-notes">
        {marks.map((m) => (
          <li key={m.path}>
            <label htmlFor={`note-${m.path}`}>{m.label}</label>
            <textarea id={`note-${m.path}`} value={m.note} rows={2} maxLength={500} placeholder={t('rv_fieldNotePlaceholder')}
              onChange={(e) => write(m.path, e.target.value)} />
            <button type="button" className="link" onClick={() => onChange(marks.filter((other) => other.path !== m.path))}>{t('rv_fieldNoteRemove')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
