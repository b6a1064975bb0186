// After a submit attempt: every issue of the form in one list, errors first, each with a button
// that takes the officer to its field (opening the member card it sits in).
import { forwardRef } from 'react';
import type { Issue } from '../../engine/index';
import { t } from '../i18n/t';
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

export const ErrorSummary = forwardRef<HTMLDivElement>(function ErrorSummary(_props, ref) {
  const showAll = useFormStore((s) => s.showAll);
  const issues = useFormStore((s) => s.issues);
  if (!showAll || issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const list = (items: Issue[]) => (
    <ul>
      {items.map((issue, i) => (
        <li key={`${issue.path}-${i}`}>
          <button type="button" className="link" onClick={() => jumpToField(issue.path)}>{issue.message}</button>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert">
      {errors.length ? (<><h2>{t('fixBeforeSubmit', { n: errors.length })}</h2>{list(errors)}</>) : null}
      {warnings.length ? (<><h3>{t('warningsOnly', { n: warnings.length })}</h3>{list(warnings)}</>) : null}
    </div>
  );
});
