// What a save or a submit may store, decided on the engine's evaluation: a submit with errors is
// refused, and so is one whose warnings lack the officer's explanations (核实说明, checked by the
// engine's checkExplanations, the very check the officer's form runs), so no client can skip
// them; data past the engine's limits is refused even as a draft. Explanations are bounded and
// must name warning rules of the form on every save; those of warnings that no longer hold are
// dropped. The refusal is one 422 listing every issue at its field, in the language the client
// asked (`shown`: the same evaluation in that language; what is stored stays Chinese).
import { checkExplanations, englishMessage, LIMIT_ISSUE_CODE, type EvaluationResult, type Explanations, type FormDefinition } from '@engine';
import { invalidSubmission } from '../problem';

/** The explanations to store; throws the 422 when the request may not be stored. */
export function judgeSubmission(
  definition: FormDefinition, result: EvaluationResult, explanations: Record<string, unknown>, submit: boolean,
  shown?: { language: string; evaluate: () => EvaluationResult },
): Explanations {
  const overLimit = result.errors.some((e) => e.code === LIMIT_ISSUE_CODE);
  const checked = checkExplanations(definition, result.warnings, explanations, submit && !overLimit);
  const refusals = [...(submit || overLimit ? result.errors : []), ...checked.issues];
  if (refusals.length > 0) {
    if (!shown || shown.language === 'zh') throw invalidSubmission(refusals, result.warnings);
    const said = shown.evaluate();
    const again = checkExplanations(definition, said.warnings, explanations, submit && !overLimit).issues;
    const explained = shown.language === 'en' ? again.map((i) => ({ ...i, message: englishMessage(i.message) })) : again;
    throw invalidSubmission([...(submit || overLimit ? said.errors : []), ...explained], said.warnings, shown.language);
  }
  return checked.kept;
}
