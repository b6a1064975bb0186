// json-logic-js, the reference semantics of the rule language, with the domain operations
// registered. The engine runs compiled rules; this evaluator is what the differential tests compare
// them with (every rule of the shipped forms over sampled households, random rules, JsonLogic's
// own suite) and what an auditor can run by hand. Those tests sample; they do not prove equality.
import jsonLogic from 'json-logic-js';
import { domainOperations } from './domainOperations';
import type { RootScope } from './compileRule';

for (const [name, fn] of Object.entries(domainOperations)) {
  jsonLogic.add_operation(name, fn as (...args: unknown[]) => unknown);
}

/** The object json-logic-js sees at the root: the data with the context under $-names. */
export function referenceData(scope: RootScope): Record<string, unknown> {
  return Object.assign({}, scope.data, {
    $params: scope.params,
    $household: scope.household,
    $row: scope.row,
    $approval: scope.approval,
  });
}

export function evaluateReference(rule: unknown, scope: RootScope): unknown {
  return jsonLogic.apply(rule as jsonLogic.RulesLogic, referenceData(scope));
}
