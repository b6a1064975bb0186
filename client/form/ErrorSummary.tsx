// After a submit attempt: every issue of the form in one list, errors first (they block), each
// with a button that takes the officer to its field (opening the member card it sits in), then
// the warnings grouped by the rule that warns, each rule with the officer's explanation (核实说明)
// that 正式提交 needs (engine/validation/unexplainedWarnings.ts). Read-only, the explanations
// are shown as text.
import { forwardRef } from 'react';
import { MAX_EXPLANATION_LENGTH, warningsByRule, type Issue } from '@engine';
import { t } from '../i18n/t';
import type { FormSession } from './FormSession';
import { idOfPointer } from './pointers';
import { useFormStore } from './useFormStore';

export function jumpToField(pointer: string): void {
  let target: HTMLElement | null = null;
  for (let p = pointer; p && !target; p = p.slice(0, p.lastIndexOf('/'))) {
    target = document.getElementById(idOfPointer(p)) ?? document.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(p)}"]`);
  }
  if (!target) return;
  // A collapsed member card renders its fields only once open: open it, and come back when it has.
  const card = target.closest('details');
  if (card && !card.open) {
    card.addEventListener('toggle', () => setTimeout(() => jumpToField(pointer), 0), { once: true });
    card.open = true;
    return;
  }
  target.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  const focusable = target.matches('input, select, textarea, button') ? target : target.querySelector<HTMLElement>('input, select, textarea, button');
  focusable?.focus({ preventScroll: true });
}

/** The id of the explanation box of a warning rule (FillPage focuses the first one left empty). */
export const explanationId = (ruleId: string) => `explanation-${ruleId}`;

function IssueLinks({ items }: { items: Issue[] }) {
  return (
    <ul>
      {items.map((issue, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole on each change, no state per item; one field may have several issues with the same path.
        <li key={`${issue.path}-${i}`}>
          <button type="button" className="link" onClick={() => jumpToField(issue.path)}>{issue.message}</button>
        </li>
      ))}
    </ul>
  );
}

function Explanation({ ruleId, session, readOnly }: { ruleId: string; session: FormSession; readOnly: boolean }) {
  const text = useFormStore((s) => s.explanations[ruleId] ?? '');
  if (readOnly) return text ? <p className="explanation">{t('explanationShown', { text })}</p> : null;
  const missing = text.trim() === '';
  return (
    <div className="explanation">
      <label htmlFor={explanationId(ruleId)}>{t('explanation')}<span className="required">*</span></label>
      <textarea
        id={explanationId(ruleId)}
        value={text}
        rows={2}
        maxLength={MAX_EXPLANATION_LENGTH}
        placeholder={t('explanationPlaceholder')}
        aria-invalid={missing || undefined}
        onChange={(event) => session.explain(ruleId, event.target.value)}
      />
      {missing ? <p className="issue error">{t('explanationMissing')}</p> : null}
    </div>
  );
}

export const ErrorSummary = forwardRef<HTMLDivElement, { session: FormSession; readOnly?: boolean }>(function ErrorSummary({ session, readOnly = false }, ref) {
  const showAll = useFormStore((s) => s.showAll);
  const issues = useFormStore((s) => s.issues);
  if (!showAll || issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const byRule = warningsByRule(warnings);
  const others = warnings.filter((w) => !w.code.startsWith('rule:'));
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert">
      {errors.length ? (<><h2>{t('fixBeforeSubmit', { n: errors.length })}</h2><IssueLinks items={errors} /></>) : null}
      {byRule.length ? (
        <>
          <h3>{readOnly ? t('warningsOnly', { n: warnings.length }) : t('warningsToExplain', { n: byRule.length })}</h3>
          <ul className="warning-rules">
            {byRule.map(({ ruleId, issues: held }) => (
              <li key={ruleId} data-rule={ruleId}>
                <IssueLinks items={held} />
                <Explanation ruleId={ruleId} session={session} readOnly={readOnly} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {others.length ? <IssueLinks items={others} /> : null}
    </div>
  );
});
