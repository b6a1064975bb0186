// A household's forms as its card in a list shows them: each started one with its state (被退回
// with the reviewer's comment, 待上传 with where it stands in the queue), then the forms not
// started in one line (未填：…).
import { QueueLine } from '../components/QueueNotice';
import { GLANCE_NAMES, yearsNeeded, type FormGlance, type GlanceState } from './glance';

export function GlanceBadge({ state }: { state: GlanceState }) {
  return <span className={`badge glance-${state}`}>{GLANCE_NAMES[state]}</span>;
}

/** "回头看信息采集表（2021）": a form that two open campaigns use is told apart by the year. */
export function formLabel(form: Pick<FormGlance, 'formTitle' | 'year'>, years: boolean): string {
  return years && form.year !== null ? `${form.formTitle}（${form.year}）` : form.formTitle;
}

export function FormStates({ forms }: { forms: FormGlance[] }) {
  const started = forms.filter((f) => f.state !== 'unfilled');
  const unfilled = forms.filter((f) => f.state === 'unfilled');
  const years = yearsNeeded(forms);
  return (
    <>
      {started.map((f) => (
        <span key={f.id} className="form-state">
          <GlanceBadge state={f.state} /> {formLabel(f, years)}
          {f.state === 'returned' && f.returnComment ? <span className="return-comment">退回意见：{f.returnComment}</span> : null}
          {f.state === 'pending' && f.draft ? <QueueLine draft={f.draft} /> : null}
        </span>
      ))}
      {unfilled.length ? (
        <span className="form-state"><GlanceBadge state="unfilled" /> {unfilled.map((f) => formLabel(f, years)).join('、')}</span>
      ) : null}
    </>
  );
}
