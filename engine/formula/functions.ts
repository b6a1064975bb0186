// The functions of the formula language: names (case-insensitive), how many arguments each takes
// and what it does, in Chinese, for the checker's arity errors and the builder's help.

export interface FormulaFunction {
  name: string;
  /** Fewest and most arguments (Infinity: any number); `pairs`: given in pairs (IFS, COUNTIFS). */
  min: number;
  max: number;
  pairs?: boolean;
  usage: string;
  description: string;
}

const FUNCTIONS: FormulaFunction[] = [
  { name: 'SUM', min: 1, max: Infinity, usage: 'SUM(A28, A29) 或 SUM(members.A16)', description: '求和；空的金额按 0 计；可对表格的一列求和' },
  { name: 'COUNT', min: 1, max: 1, usage: 'COUNT(members)', description: '表格的行数，或多选字段选了几项' },
  { name: 'COUNTIF', min: 2, max: 2, usage: 'COUNTIF(members.A14, "无劳动力")', description: '表格中某列符合条件的行数；条件可写 "户主"、否、">=18"、"<>户主"、""（空）' },
  { name: 'COUNTIFS', min: 2, max: Infinity, pairs: true, usage: 'COUNTIFS(members.A14, "普通劳动力", members.A16, ">=6")', description: '同时符合几个条件的行数' },
  { name: 'SUMIF', min: 3, max: 3, usage: 'SUMIF(members.A14, "普通劳动力", members.A16)', description: '符合条件的行中另一列的合计' },
  { name: 'ROUND', min: 1, max: 2, usage: 'ROUND(A33 / COUNT(members), 2)', description: '四舍五入到 0-6 位小数' },
  { name: 'MIN', min: 1, max: Infinity, usage: 'MIN(A28, A29)', description: '最小值' },
  { name: 'MAX', min: 1, max: Infinity, usage: 'MAX(A28, 0)', description: '最大值' },
  { name: 'ABS', min: 1, max: 1, usage: 'ABS(A33)', description: '绝对值' },
  { name: 'MOD', min: 2, max: 2, usage: 'MOD(A16, 12)', description: '余数（负数时符号随被除数）' },
  { name: 'IF', min: 3, max: 3, usage: 'IF(A34 < 收入线, "低于收入线", "")', description: '条件成立取第二个值，否则取第三个；"" 表示留空' },
  { name: 'IFS', min: 2, max: Infinity, pairs: true, usage: 'IFS(A34 < 6000, "低", A34 < 9000, "中")', description: '依次判断，取第一个成立条件的值；都不成立时留空' },
  { name: 'AND', min: 1, max: Infinity, usage: 'AND(A1 = 是, A28 > 0)', description: '都成立' },
  { name: 'OR', min: 1, max: Infinity, usage: 'OR(A23 = 是, A25 = 是)', description: '至少一个成立' },
  { name: 'NOT', min: 1, max: 1, usage: 'NOT(ISBLANK(A54))', description: '不成立' },
  { name: 'ISBLANK', min: 1, max: 1, usage: 'ISBLANK(A54)', description: '没有填写（多选：一项也没选）；0 和 否 算已填' },
  { name: 'ISEMPTY', min: 1, max: 1, usage: 'ISEMPTY(A54)', description: '同 ISBLANK' },
  { name: 'CONTAINS', min: 2, max: 2, usage: 'CONTAINS(A27, "因自然灾害")', description: '多选字段选了某项；文字中含有某段文字；{…} 列表或表格列中有某个值' },
  { name: 'MONTHS', min: 2, max: 2, usage: 'MONTHS(A7, A54)', description: '从第一个年月（或日期）到第二个相差几个月' },
  { name: 'DAYS', min: 2, max: 2, usage: 'DAYS(A7, A8)', description: '从第一个日期到第二个日期相差几天（注意：与 Excel 的 DAYS 参数顺序相反）' },
  { name: 'AGE', min: 2, max: 2, usage: 'AGE(A7, 统计时点)', description: '按身份证号计算到某日的周岁' },
  { name: 'GENDER', min: 1, max: 1, usage: 'GENDER(A7)', description: '按身份证号得出性别：男 或 女' },
  { name: 'BIRTHDATE', min: 1, max: 1, usage: 'BIRTHDATE(A7)', description: '按身份证号得出出生日期（如 1949-12-31）' },
  { name: 'LEN', min: 1, max: 1, usage: 'LEN(A7) = 18', description: '文字的长度，只能与整数比较' },
  { name: 'LEFT', min: 1, max: 2, usage: 'LEFT(A7, 6)', description: '左起几个字' },
  { name: 'RIGHT', min: 1, max: 2, usage: 'RIGHT(A7, 1)', description: '右起几个字' },
  { name: 'MID', min: 3, max: 3, usage: 'MID(A7, 7, 8)', description: '从第几个字起取几个字' },
  { name: 'CONCAT', min: 1, max: Infinity, usage: 'CONCAT(A5, "（", A8, "）")', description: '连接文字，同 &' },
  { name: 'CONCATENATE', min: 1, max: Infinity, usage: 'CONCATENATE(A5, A8)', description: '同 CONCAT' },
  { name: 'DUPLICATES', min: 1, max: 1, usage: 'NOT(CONTAINS(DUPLICATES(members.A7), A7))', description: '表格某列中重复出现的值' },
];

export const FORMULA_FUNCTIONS: ReadonlyMap<string, FormulaFunction> = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** The arity problem of a call, in Chinese, or null when the count fits. */
export function arityProblem(fn: FormulaFunction, count: number): string | null {
  if (fn.pairs) {
    if (count >= fn.min && count % 2 === 0) return null;
    return `${fn.name} 的参数应成对出现，如 ${fn.usage}`;
  }
  if (count >= fn.min && count <= fn.max) return null;
  if (fn.min === fn.max) return `${fn.name} 需要 ${fn.min} 个参数，如 ${fn.usage}`;
  if (fn.max === Infinity) return `${fn.name} 至少需要 ${fn.min} 个参数，如 ${fn.usage}`;
  return `${fn.name} 需要 ${fn.min} 到 ${fn.max} 个参数，如 ${fn.usage}`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The known function closest to a misspelt name (SUMM → SUM), if one is close. */
export function closestFunction(name: string): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const known of FORMULA_FUNCTIONS.keys()) {
    const d = distance(name.toUpperCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}
