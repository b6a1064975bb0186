// The engine's speed on the monitoring-object form with a 10-member household: evaluations per
// second on one core, against ajv alone validating the same data, and against json-logic-js
// interpreting the same rules (the reference semantics the compiled rules are proven equal to).
// Targets (issue 2): at least 10,000 evaluations/s; the whole engine at most 5x ajv alone.
import { compileForm, evaluate, type Campaign, type FormDefinition } from '@engine';
import { evaluateReference } from '@engine/rules/referenceEvaluator';
import { fmt, heading, opsPerSecond } from './measure';
import { monitoringHousehold } from './fixtures/monitoringHousehold';
import { shippedJson as load } from './fixtures/shippedJson';

export async function runEngineBench(): Promise<void> {
  heading('engine: 易返贫致贫户（监测对象）信息采集表, 10 members');
  const definition = load<FormDefinition>('monitoring-object/definition.json');
  const campaign = load<Campaign>('campaigns/2021.json');
  const data = monitoringHousehold(10);
  const context = { params: campaign.parameters, household: null };
  const result = evaluate(definition, data, context);
  console.log(`household: ${result.errors.length} errors, ${result.warnings.length} warnings, A33=${result.data.A33}, A34=${result.data.A34}`);
  if (!result.valid) console.log(result.errors.map((e) => `  ${e.path} ${e.message}`).join('\n'));

  const form = compileForm(definition);
  const rules = [
    ...(definition.rules?.computed ?? []).map((r) => r.value),
    ...(definition.rules?.visibility ?? []).map((r) => r.when),
    ...(definition.rules?.validations ?? []).flatMap((r) => (r.when === undefined ? [r.assert] : [r.when, r.assert])),
  ];
  const clean = result.data;
  const scope = { data: clean, params: campaign.parameters, household: undefined, row: (clean.members as Record<string, unknown>[])[0], approval: undefined };

  const engine = opsPerSecond(() => evaluate(definition, data, context));
  const ajvOnly = opsPerSecond(() => form.validate(clean));
  const reference = opsPerSecond(() => {
    for (const rule of rules) evaluateReference(rule, scope);
  }, { rounds: 3 });

  console.log(`rules in the definition: ${rules.length} (computed, visibility, validation conditions)`);
  console.log(`engine evaluate():         ${fmt(engine)} evaluations/s  (${fmt(1000 / engine, 4)} ms each)   target ≥ 10,000/s`);
  console.log(`ajv alone, same data:      ${fmt(ajvOnly)} validations/s (${fmt(1000 / ajvOnly, 4)} ms each)`);
  console.log(`engine cost / ajv cost:    ${fmt(ajvOnly / engine, 2)}x   target ≤ 5x`);
  console.log(`json-logic-js, same rules: ${fmt(reference)} passes/s over the rules once each (${fmt(1000 / reference, 4)} ms; interpreted, for scale)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runEngineBench();
