// The one place the workbook code reaches the XLSForm expression language (H3's, in
// engine/xlsform/), and the escape for what it cannot say: a rule written as JSON-Logic after
// "jsonlogic:" is read back as it is (and checked by the definition checker like any rule).
export { compileXlsExpression, printXlsExpression } from '../index';

export const JSON_LOGIC_PREFIX = 'jsonlogic:';
