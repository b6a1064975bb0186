// The checker's messages speak the builder's Excel-style language ("请用 NOT(ISBLANK(A54))",
// "IF 的条件…"); for an expression written in a spreadsheet they are reworded in XLSForm's terms
// (A54 != '', if 的条件…), so the hint given is one the administrator can type.

const RENAMED: [RegExp, string][] = [
  [/NOT\(ISBLANK\(([^()]*)\)\)/g, "$1 != ''"],
  [/ISBLANK\(([^()]*)\)/g, "$1 = ''"],
  [/CONTAINS\(([^(),]*), "…"\)/g, "selected($1, '…')"],
  [/COUNTIF\(([^(),]*), …\)/g, 'count(${…}[条件])'],
  [/(^|[^A-Za-z])IFS(?![A-Za-z])/g, '$1if'],
  [/(^|[^A-Za-z])IF(?![A-Za-z])/g, '$1if'],
  [/(^|[^A-Za-z])AND(?![A-Za-z])/g, '$1and'],
  [/(^|[^A-Za-z])OR(?![A-Za-z])/g, '$1or'],
  [/(^|[^A-Za-z])NOT(?![A-Za-z])/g, '$1not'],
  [/(^|[^A-Za-z])ROUND(?![A-Za-z])/g, '$1round'],
  [/(^|[^A-Za-z])SUM(?![A-Za-z])/g, '$1sum'],
  [/(^|[^A-Za-z])COUNT(?![A-Za-z])/g, '$1count'],
  [/(^|[^A-Za-z])LEN(?![A-Za-z])/g, '$1string-length'],
  [/(^|[^A-Za-z])CONCAT(?![A-Za-z])/g, '$1concat'],
  [/(^|[^A-Za-z])MONTHS(?![A-Za-z])/g, '$1months-between'],
  [/(^|[^A-Za-z])DAYS(?![A-Za-z])/g, '$1days-between'],
  [/(^|[^A-Za-z])AGE(?![A-Za-z])/g, '$1age-at'],
  [/(^|[^A-Za-z])MIN(?![A-Za-z])/g, '$1min'],
  [/(^|[^A-Za-z])MAX(?![A-Za-z])/g, '$1max'],
  [/(^|[^A-Za-z])MID(?![A-Za-z])/g, '$1substr'],
  [/(^|[^A-Za-z])CONTAINS(?![A-Za-z])/g, '$1selected'],
  [/公式/g, '表达式'],
];

export function xlsMessage(message: string): string {
  return RENAMED.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}
