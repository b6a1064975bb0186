// What a save or a submit may store, decided on the engine's evaluation: a submit with errors is
// refused, and so is one whose warnings lack the officer's explanations (核实说明, checked by the
// engine's checkExplanations, the very check the officer's form runs), so no client can skip
// them; data past the engine's limits is refused even as a draft. Explanations are bounded and
// must name warning rules of the form on every save; those of warnings that no longer hold are
// dropped. The refusal is one 422 listing every issue at its field.
import { checkExplanations, LIMIT_ISSUE_CODE, type EvaluationResult, type Explanations, type FormDefinition } from '@engine';
import { invalidSubmission } from '../problem';

/** The explanations to store; throws the 422 when the request may not be stored. */
export function judgeSubmission(definition: FormDefinition, result: EvaluationResult, explanations: Record<string, unknown>, submit: boolean): Explanations {
  const overLimit = result.errors.some((e) => e.code === LIMIT_ISSUE_CODE);
  const checked = checkExplanations(definition, result.warnings, explanations, submit && !overLimit);
  const refusals = [...(submit || overLimit ? result.errors : []), ...checked.issues];
  if (refusals.length > 0) throw invalidSubmission(refusals, result.warnings);
  return checked.kept;
}
