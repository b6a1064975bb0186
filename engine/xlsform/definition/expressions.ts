// The one place the workbook code reaches the XLSForm expression language (H3's, in
// engine/xlsform/), and the escape for what it cannot say: a rule written as JSON-Logic after
// "jsonlogic:" is read back as it is (and checked by the definition checker like any rule).
import type { FormulaScope } from '../../formula/types';
import { compileXlsExpression } from '../index';

export { compileXlsExpression, printXlsExpression } from '../index';

export const JSON_LOGIC_PREFIX = 'jsonlogic:';

/**
 * XLSForm checks a constraint only on an answered question (a blank one is `required`'s
 * business): the `when` of a survey row's constraint on `self`, as the language writes it (". != ''").
 */
export function answeredWhen(scope: FormulaScope, self: string): unknown {
  const result = compileXlsExpression(". != ''", scope, { self });
  return result.ok ? result.logic : undefined;
}
