// XLSForm, the spreadsheet standard of ODK and KoboToolbox, as a second way to write a form: its
// expression language compiled to the engine's sandboxed JSON-Logic and printed back from it.
export { compileXlsExpression } from './expression/compileXlsExpression';
export { printXlsExpression } from './expression/printXlsExpression';
export { XLS_FUNCTION_NAMES } from './expression/xlsFunctions';
export type { XlsOptions } from './expression/lowerXls';
