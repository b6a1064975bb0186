// The warnings of a definition's rules on the data the officer's form holds after a change
// (evaluateChange's state: computed values filled in, hidden fields known), so a warning is shown
// as soon as its rule holds, worded with the values of now, and goes when it no longer holds,
// without validating the whole form per keystroke. Only rules of severity "warning" run, with the
// same compiled code and messages as evaluate(), which stays the reference
// (test/engine/currentWarnings.test.ts proves both give the same warnings).
import type { CompiledForm } from '../compileForm';
import { rootScope, ruleIssues } from '../evaluate';
import type { EvaluationContext, Issue } from '../types';
import type { ChangeState } from './evaluateChange';

export function currentWarnings(form: CompiledForm, state: Pick<ChangeState, 'data' | 'hidden'>, context: EvaluationContext = {}): Issue[] {
  if (!form.validations.some((rule) => rule.severity === 'warning')) return [];
  return ruleIssues(form, state.data, rootScope(state.data, context), state.hidden, 'warning');
}
