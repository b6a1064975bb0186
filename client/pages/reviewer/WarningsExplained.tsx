// A submission's warnings grouped by the rule that warns, each with the officer's explanation
// (核实说明) or a plain note that there is none: what a reviewer reads beside the form, in the
// history, and in the dialog before approving one or many.
import { warningsByRule, type Issue } from '@engine';
import { t } from '../../i18n/tReviewer';

type Warning = Pick<Issue, 'path' | 'code' | 'message'>;

export function WarningsExplained({ warnings, explanations = {} }: { warnings: readonly Warning[]; explanations?: Record<string, string> }) {
  const byRule = warningsByRule(warnings.map((w) => ({ field: '', severity: 'warning' as const, ...w })));
  if (byRule.length === 0) return null;
  return (
    <ul className="rv-warnings">
      {byRule.map(({ ruleId, issues }) => {
        const text = Object.hasOwn(explanations, ruleId) ? explanations[ruleId] : undefined;
        return (
          <li key={ruleId} data-rule={ruleId}>
            {/* biome-ignore lint/suspicious/noArrayIndexKey: display-only list rebuilt whole from each answer, no state per item; the items have no id and may repeat. */}
            {issues.map((issue, i) => <p key={i} className="issue warning">{issue.message}</p>)}
            {text
              ? <p className="rv-explanation">{t('rv_explanation', { text })}</p>
              : <p className="rv-explanation missing">{t('rv_noExplanation')}</p>}
          </li>
        );
      })}
    </ul>
  );
}
