// The definition checker's problems as a list: each with its place (JSON Pointer) and Chinese
// message, errors first; a click can take the administrator to the part it concerns.
import type { DefinitionProblem } from '@engine';
import { t } from '../../../i18n/tAdmin';

interface Props {
  problems: DefinitionProblem[];
  onPick?(problem: DefinitionProblem): void;
  label?: string;
}

export function ProblemList({ problems, onPick, label }: Props) {
  if (problems.length === 0) return null;
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="problem-list" aria-label={label ?? t('ad_problems')}>
      {sorted.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat.
        <li key={i} className={p.severity}>
          {onPick ? (
            <button type="button" className="link" onClick={() => onPick(p)}>{p.message}</button>
          ) : <span>{p.message}</span>}
          {p.path ? <code className="path">{p.path}</code> : null}
        </li>
      ))}
    </ul>
  );
}

/** The problems of a 422 (details.problems), if the error carried any. */
export function problemsOf(details: unknown): DefinitionProblem[] {
  const problems = (details as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems) ? (problems as DefinitionProblem[]) : [];
}
