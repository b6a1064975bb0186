// Whether a validation with no condition may be written as a survey row's constraint, which (as in
// ODK) is checked only once the question is answered: it must read nothing but the question itself
// and hold whenever that is blank — then checking it on a blank answer or not makes no difference.
import { collectVarRefs } from '../../rules/collectVarRefs';
import { compileRule } from '../../rules/compileRule';
import { truthy } from '../../rules/truthy';

const BLANKS: unknown[] = [undefined, null, '', []];

/** `key` is the field's dotted key ("C1", "members.A16"). */
export function holdsWhenBlank(assert: unknown, key: string): boolean {
  const [table, column] = key.includes('.') ? key.split('.') : [null, key];
  const own = table ? `$row.${column}` : key;
  if (collectVarRefs(assert).some((r) => r.scope.kind !== 'root' || r.path !== own)) return false;
  try {
    const rule = compileRule(assert);
    return BLANKS.every((blank) => {
      const value = blank === undefined ? {} : { [column!]: blank };
      return truthy(rule({ data: table ? {} : value, row: table ? value : undefined, params: undefined, household: undefined, approval: undefined }));
    });
  } catch {
    return false;
  }
}
