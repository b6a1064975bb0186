// Checks a function call and lowers it to JSON-Logic: the argument count from the catalogue, each
// argument's type, tables and columns where the function works on rows (COUNT, SUM, COUNTIF,
// SUMIF, CONTAINS, DUPLICATES), constants fitted to the columns and options they meet.
import type { FormulaNode } from './ast';
import { asText, blankTest, ifChain, nary, unary, varOf } from './emitLogic';
import { fitLiteral } from './fitLiteral';
import { arityProblem, closestFunction, FORMULA_FUNCTIONS } from './functions';
import type { TableRef } from './resolveName';
import { display, failed, numeric, report, requireNumber, requireType, requireValue, typeName, type CheckContext, type Typed } from './typed';
import type { FormulaType } from './types';
import { dateFormatOf, type ValueInfo } from './valueInfo';

type Call = Extract<FormulaNode, { kind: 'call' }>;
type Handler = (call: Call, ctx: CheckContext) => Typed;

const NUMBER: ValueInfo = { type: 'number', options: null };
const BOOLEAN: ValueInfo = { type: 'boolean', options: null };
const TEXT: ValueInfo = { type: 'string', options: null };

function result(call: Call, type: FormulaType, logic: unknown, info: ValueInfo = { type, options: null }): Typed {
  return { node: call, type, logic, info };
}

export function checkCall(call: Call, ctx: CheckContext): Typed {
  const name = call.name.toUpperCase();
  const fn = FORMULA_FUNCTIONS.get(name);
  if (!fn) {
    const guess = closestFunction(name);
    report(ctx, `不认识的函数 ${call.name}${guess ? `（是不是 ${guess}？）` : ''}`, { start: call.start, end: call.nameEnd });
    call.args.forEach((arg) => ctx.check(arg));
    return failed(call);
  }
  const problem = arityProblem(fn, call.args.length);
  if (problem) {
    report(ctx, problem, call);
    return failed(call);
  }
  return HANDLERS[name]!(call, ctx);
}

function all(checks: boolean[]): boolean {
  return checks.every(Boolean);
}

/** A condition: yes/no (a comparison, AND, OR, a yes/no field). */
function requireCondition(ctx: CheckContext, t: Typed, what: string): boolean {
  if (t.blank) {
    report(ctx, `${what}不能是空值`, t.node);
    return false;
  }
  return requireType(ctx, t, ['boolean'], (bad) => {
    const name = display(ctx, bad);
    const hint = bad.type === 'string' || bad.type === 'date' || bad.type === 'list' ? `；判断是否填写请用 NOT(ISBLANK(${name}))` : '';
    return `${what}应为是/否（比较、AND、OR 等），${name} 是${typeName(bad)}${hint}`;
  });
}

function requireColumn(ctx: CheckContext, t: Typed, fn: string): t is Typed & { table: TableRef; column: string } {
  if (t.failed) return false;
  if (t.type === 'column') return true;
  const example = t.table ? `${t.table.display}.列` : 'members.A14';
  report(ctx, `${fn} 的这个参数应为表格的一列，如 ${example}`, t.node);
  return false;
}

function requireDate(ctx: CheckContext, t: Typed, fn: string, month: boolean): boolean {
  if (t.blank) {
    report(ctx, `${fn} 需要日期，不能是空值`, t.node);
    return false;
  }
  if (!requireType(ctx, t, ['date', 'string'], (bad) => `${fn} 需要${month ? '日期或年月' : '日期'}，${display(ctx, bad)} 是${typeName(bad)}`)) return false;
  const format = t.type === 'date' ? t.info.format : t.literal ? dateFormatOf(t.logic as string) : 'date';
  if (t.literal && !format) {
    report(ctx, `${display(ctx, t)} 不是日期，请写成 "2021-09-30"${month ? ' 或 "2021-09"' : ''}`, t.node);
    return false;
  }
  if (!month && format === 'year-month') {
    report(ctx, `${fn} 需要完整日期（年-月-日），${display(ctx, t)} 是年月；按月计算请用 MONTHS`, t.node);
    return false;
  }
  return true;
}

function requireText(ctx: CheckContext, t: Typed, fn: string): boolean {
  return requireType(ctx, t, ['string', 'date', 'number'], (bad) => `${fn} 需要文字，${display(ctx, bad)} 是${typeName(bad)}`);
}

function wholeNumber(ctx: CheckContext, t: Typed, message: string, min: number, max = Infinity): number | null {
  if (t.failed) return null;
  if (t.literal && typeof t.logic === 'number' && Number.isInteger(t.logic) && t.logic >= min && t.logic <= max) return t.logic;
  report(ctx, message, t.node);
  return null;
}

/** A literal fitted to what it is compared with; null when it does not fit (reported). */
function fit(ctx: CheckContext, constant: Typed, info: ValueInfo, name: string): { value: unknown } | null {
  const fitted = fitLiteral(constant.logic, info, name);
  if (fitted.ok) return { value: fitted.value };
  report(ctx, fitted.message, constant.node);
  return null;
}

const CRITERION = /^(<=|>=|<>|<|>|=)(.*)$/s;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A COUNTIF criterion as a condition on one row ({"var": "A17"} reads the row's column). */
function criterion(ctx: CheckContext, column: Typed & { column: string }, critNode: FormulaNode, fn: string): unknown {
  const crit = ctx.check(critNode);
  if (crit.failed) return undefined;
  const name = display(ctx, column);
  const cell = varOf(column.column);
  if (!crit.literal) {
    report(ctx, `${fn} 的条件只能是固定的值，如 "户主"、否、">=18"`, crit.node);
    return undefined;
  }
  if (crit.blank) return blankTest(cell, column.info, column.column, false);
  let op = '==';
  let value: unknown = crit.logic;
  const match = typeof value === 'string' ? CRITERION.exec(value) : null;
  if (match) {
    op = { '=': '==', '<>': '!=' }[match[1]!] ?? match[1]!;
    value = match[2]!.trim();
    if (value === '' && (op === '==' || op === '!=')) return blankTest(cell, column.info, column.column, op === '!=');
    if (op !== '==' && op !== '!=' && column.info.type !== 'number' && column.info.type !== 'date' && column.info.type !== 'unknown') {
      report(ctx, `${name} 是${TYPE(column.info)}，不能比较大小`, crit.node);
      return undefined;
    }
  }
  if (typeof value === 'string' && NUMERIC.test(value) && column.info.type === 'number' && !column.info.options) value = Number(value);
  const fitted = fit(ctx, { ...crit, logic: value }, column.info, name);
  if (!fitted) return undefined;
  return { [op]: [cell, fitted.value] };
}

function TYPE(info: ValueInfo): string {
  return typeName({ type: info.type, info } as Typed);
}

function countIf(call: Call, ctx: CheckContext, fn: string, pairs: FormulaNode[]): { table: TableRef; condition: unknown } | null {
  const conditions: unknown[] = [];
  let table: TableRef | null = null;
  let ok = true;
  for (let i = 0; i < pairs.length; i += 2) {
    const column = ctx.check(pairs[i]!);
    if (!requireColumn(ctx, column, fn)) {
      ctx.check(pairs[i + 1]!);
      ok = false;
      continue;
    }
    if (table && table.path !== column.table.path) {
      report(ctx, `${fn} 的各列应来自同一个表格`, column.node);
      ok = false;
    }
    table ??= column.table;
    const condition = criterion(ctx, column, pairs[i + 1]!, fn);
    if (condition === undefined) ok = false;
    conditions.push(condition);
  }
  if (!ok || !table) return null;
  return { table, condition: conditions.length === 1 ? conditions[0] : { and: conditions } };
}

/** The common type of IF's results: blanks and unknowns fit anything; the rest must agree. */
function mergeResults(ctx: CheckContext, fn: string, results: Typed[]): ValueInfo | null {
  let first: Typed | null = null;
  for (const t of results) {
    if (!requireValue(ctx, t)) return null;
    if (t.blank || t.type === 'unknown') continue;
    if (!first) first = t;
    else if (first.type !== t.type) {
      report(ctx, `${fn} 的结果类型不一致：${display(ctx, first)} 是${typeName(first)}，${display(ctx, t)} 是${typeName(t)}`, t.node);
      return null;
    }
  }
  return first ? { ...first.info, options: first.type === 'list' ? first.info.options : null } : { type: 'unknown', options: null };
}

const HANDLERS: Record<string, Handler> = {
  SUM(call, ctx) {
    const parts: unknown[] = [];
    let ok = true;
    for (const arg of call.args.map((a) => ctx.check(a))) {
      if (arg.type === 'column') {
        if (arg.info.type !== 'number' && arg.info.type !== 'unknown') {
          report(ctx, `${display(ctx, arg)} 是${TYPE(arg.info)}，不能求和`, arg.node);
          ok = false;
        } else parts.push({ sum: [varOf(arg.table!.path), arg.column] });
      } else if (arg.type === 'table') {
        report(ctx, `SUM 需要一列数字，如 SUM(${arg.table!.display}.列)`, arg.node);
        ok = false;
      } else if (requireNumber(ctx, arg, '不能求和')) parts.push(numeric(arg));
      else ok = false;
    }
    if (!ok) return failed(call);
    const single = call.args.length === 1 && parts[0] !== null && typeof parts[0] === 'object' && 'sum' in (parts[0] as object);
    return result(call, 'number', single ? parts[0] : nary('+', parts));
  },

  COUNT(call, ctx) {
    const arg = ctx.check(call.args[0]!);
    if (arg.failed) return failed(call);
    if (arg.type === 'table') return result(call, 'number', unary('count', arg.logic));
    if (arg.type === 'column') {
      report(ctx, `COUNT 数的是行数，请写 COUNT(${arg.table!.display})；数符合条件的行请用 COUNTIF(${display(ctx, arg)}, …)`, arg.node);
      return failed(call);
    }
    if (!requireType(ctx, arg, ['list'], (bad) => `COUNT 需要表格或多选字段，如 COUNT(members)；${display(ctx, bad)} 是${typeName(bad)}`)) return failed(call);
    return result(call, 'number', unary('count', arg.logic));
  },

  COUNTIF(call, ctx) {
    const counted = countIf(call, ctx, 'COUNTIF', call.args);
    return counted ? result(call, 'number', unary('count', { filter: [varOf(counted.table.path), counted.condition] })) : failed(call);
  },

  COUNTIFS(call, ctx) {
    const counted = countIf(call, ctx, 'COUNTIFS', call.args);
    return counted ? result(call, 'number', unary('count', { filter: [varOf(counted.table.path), counted.condition] })) : failed(call);
  },

  SUMIF(call, ctx) {
    const counted = countIf(call, ctx, 'SUMIF', call.args.slice(0, 2));
    const summed = ctx.check(call.args[2]!);
    if (!requireColumn(ctx, summed, 'SUMIF') || !counted) return failed(call);
    if (summed.table.path !== counted.table.path) {
      report(ctx, 'SUMIF 的条件列和求和列应来自同一个表格', summed.node);
      return failed(call);
    }
    if (summed.info.type !== 'number' && summed.info.type !== 'unknown') {
      report(ctx, `${display(ctx, summed)} 是${TYPE(summed.info)}，不能求和`, summed.node);
      return failed(call);
    }
    return result(call, 'number', { sum: [{ filter: [varOf(counted.table.path), counted.condition] }, summed.column] });
  },

  ROUND(call, ctx) {
    const [value, digits] = call.args.map((a) => ctx.check(a));
    const ok = requireNumber(ctx, value!, '不能四舍五入');
    const n = digits ? wholeNumber(ctx, digits, 'ROUND 的小数位数应为 0 到 6 的整数', 0, 6) : 0;
    if (!ok || n === null) return failed(call);
    return result(call, 'number', { round: digits ? [numeric(value!), n] : [numeric(value!)] });
  },

  MIN: (call, ctx) => minMax('min', call, ctx),
  MAX: (call, ctx) => minMax('max', call, ctx),

  ABS(call, ctx) {
    const value = ctx.check(call.args[0]!);
    if (!requireNumber(ctx, value, '不能取绝对值')) return failed(call);
    return result(call, 'number', { max: [numeric(value), { '-': [numeric(value)] }] });
  },

  MOD(call, ctx) {
    const args = call.args.map((a) => ctx.check(a));
    if (!all(args.map((a) => requireNumber(ctx, a, '不能求余数')))) return failed(call);
    return result(call, 'number', { '%': args.map(numeric) });
  },

  IF(call, ctx) {
    const [condition, then, otherwise] = call.args.map((a) => ctx.check(a)) as [Typed, Typed, Typed];
    const ok = requireCondition(ctx, condition, 'IF 的条件');
    const info = mergeResults(ctx, 'IF', [then, otherwise]);
    if (!ok || !info) return failed(call);
    return result(call, info.type, ifChain(condition.logic, then.logic, otherwise.logic), info);
  },

  IFS(call, ctx) {
    const args = call.args.map((a) => ctx.check(a));
    const conditions = args.filter((_, i) => i % 2 === 0);
    const ok = all(conditions.map((c) => requireCondition(ctx, c, 'IFS 的条件')));
    const info = mergeResults(ctx, 'IFS', args.filter((_, i) => i % 2 === 1));
    if (!ok || !info) return failed(call);
    return result(call, info.type, { if: args.map((a) => a.logic) }, info);
  },

  AND: (call, ctx) => andOr('and', call, ctx),
  OR: (call, ctx) => andOr('or', call, ctx),

  NOT(call, ctx) {
    const arg = ctx.check(call.args[0]!);
    if (!requireCondition(ctx, arg, 'NOT 的参数')) return failed(call);
    return result(call, 'boolean', arg.filled !== undefined ? arg.filled : unary('!', arg.logic));
  },

  ISBLANK: isBlank,
  ISEMPTY: isBlank,

  CONTAINS(call, ctx) {
    const [container, item] = call.args.map((a) => ctx.check(a)) as [Typed, Typed];
    if (container.failed || item.failed) return failed(call);
    if (item.blank || !requireValue(ctx, item)) {
      if (item.blank) report(ctx, 'CONTAINS 要找的值不能是空值', item.node);
      return failed(call);
    }
    if (container.type === 'table') {
      report(ctx, `CONTAINS 不能用于整个表格，请写出一列，如 CONTAINS(${container.table!.display}.列, …)`, container.node);
      return failed(call);
    }
    if (container.items) {
      // {"a", "b"} listed out: its constants must fit what is looked for.
      const values: unknown[] = [];
      for (const entry of container.items) {
        if (!entry.literal || item.literal) values.push(entry.logic);
        else {
          const fitted = fit(ctx, entry, item.info, display(ctx, item));
          if (!fitted) return failed(call);
          values.push(fitted.value);
        }
      }
      return result(call, 'boolean', { in: [item.logic, values] });
    }
    if (container.type === 'list' || container.type === 'column') {
      let value = item.logic;
      if (item.literal) {
        const fitted = fit(ctx, item, { ...container.info, type: container.type === 'list' ? 'list' : container.info.type }, display(ctx, container));
        if (!fitted) return failed(call);
        value = fitted.value;
      }
      return result(call, 'boolean', { in: [value, container.logic] });
    }
    if (container.type === 'string' || container.type === 'date' || container.type === 'unknown') {
      if (!requireType(ctx, item, ['string'], (bad) => `${display(ctx, container)} 是文字，CONTAINS 要找的应是文字，${display(ctx, bad)} 是${typeName(bad)}`)) return failed(call);
      return result(call, 'boolean', { in: [item.logic, container.logic] });
    }
    report(ctx, `CONTAINS 的第一个参数应为多选字段、文字、{…} 列表或表格的一列，${display(ctx, container)} 是${typeName(container)}`, container.node);
    return failed(call);
  },

  MONTHS(call, ctx) {
    const args = call.args.map((a) => ctx.check(a));
    if (!all(args.map((a) => requireDate(ctx, a, 'MONTHS', true)))) return failed(call);
    return result(call, 'number', { monthsBetween: args.map((a) => a.logic) });
  },

  DAYS(call, ctx) {
    const args = call.args.map((a) => ctx.check(a));
    if (!all(args.map((a) => requireDate(ctx, a, 'DAYS', false)))) return failed(call);
    return result(call, 'number', { daysBetween: args.map((a) => a.logic) });
  },

  AGE(call, ctx) {
    const [id, date] = call.args.map((a) => ctx.check(a)) as [Typed, Typed];
    const ok = [
      requireType(ctx, id, ['string'], (bad) => `AGE 的第一个参数应为身份证号，${display(ctx, bad)} 是${typeName(bad)}`),
      requireDate(ctx, date, 'AGE', true),
    ];
    if (!all(ok)) return failed(call);
    return result(call, 'number', { ageAt: [id.logic, date.logic] });
  },

  GENDER(call, ctx) {
    const id = ctx.check(call.args[0]!);
    if (!requireType(ctx, id, ['string'], (bad) => `GENDER 的参数应为身份证号，${display(ctx, bad)} 是${typeName(bad)}`)) return failed(call);
    return result(call, 'string', unary('idGender', id.logic), { type: 'string', options: [{ value: '男', label: '男' }, { value: '女', label: '女' }] });
  },

  LEN(call, ctx) {
    const text = ctx.check(call.args[0]!);
    if (!requireText(ctx, text, 'LEN')) return failed(call);
    return { node: call, type: 'number', logic: null, info: NUMBER, lengthOf: asText(text.logic) };
  },

  LEFT(call, ctx) {
    const [text, count] = call.args.map((a) => ctx.check(a));
    const ok = requireText(ctx, text!, 'LEFT');
    const n = count ? wholeNumber(ctx, count, 'LEFT 的字数应为整数，如 LEFT(A7, 6)', 0) : 1;
    if (!ok || n === null) return failed(call);
    return result(call, 'string', { substr: [asText(text!.logic), 0, n] }, TEXT);
  },

  RIGHT(call, ctx) {
    const [text, count] = call.args.map((a) => ctx.check(a));
    const ok = requireText(ctx, text!, 'RIGHT');
    const n = count ? wholeNumber(ctx, count, 'RIGHT 的字数应为正整数，如 RIGHT(A7, 1)', 1) : 1;
    if (!ok || n === null) return failed(call);
    return result(call, 'string', { substr: [asText(text!.logic), -n] }, TEXT);
  },

  MID(call, ctx) {
    const [text, from, count] = call.args.map((a) => ctx.check(a)) as [Typed, Typed, Typed];
    const ok = requireText(ctx, text, 'MID');
    const start = wholeNumber(ctx, from, 'MID 的起始位置应为正整数（第 1 个字为 1）', 1);
    const n = wholeNumber(ctx, count, 'MID 的字数应为整数', 0);
    if (!ok || start === null || n === null) return failed(call);
    return result(call, 'string', { substr: [asText(text.logic), start - 1, n] }, TEXT);
  },

  CONCAT: concat,
  CONCATENATE: concat,

  DUPLICATES(call, ctx) {
    const column = ctx.check(call.args[0]!);
    if (!requireColumn(ctx, column, 'DUPLICATES')) return failed(call);
    return result(call, 'list', { duplicates: [varOf(column.table.path), column.column] }, { type: 'list', options: column.info.options });
  },
};

function minMax(op: 'min' | 'max', call: Call, ctx: CheckContext): Typed {
  const args = call.args.map((a) => ctx.check(a));
  let ok = true;
  for (const arg of args) {
    if (arg.type === 'column') {
      report(ctx, `${op.toUpperCase()} 不能用于表格列（规则语言不能求一列的最值）`, arg.node);
      ok = false;
    } else if (!requireNumber(ctx, arg, '不能比较大小')) ok = false;
  }
  return ok ? result(call, 'number', { [op]: args.map(numeric) }) : failed(call);
}

function andOr(op: 'and' | 'or', call: Call, ctx: CheckContext): Typed {
  const args = call.args.map((a) => ctx.check(a));
  if (!all(args.map((a) => requireCondition(ctx, a, `${op.toUpperCase()} 的参数`)))) return failed(call);
  return result(call, 'boolean', { [op]: args.map((a) => a.logic) }, BOOLEAN);
}

function isBlank(call: Call, ctx: CheckContext): Typed {
  const arg = ctx.check(call.args[0]!);
  if (arg.blank) return { ...result(call, 'boolean', true), filled: false };
  if (!requireValue(ctx, arg)) return failed(call);
  const path = arg.ref?.path ?? null;
  return { ...result(call, 'boolean', blankTest(arg.logic, arg.info, path, false)), filled: blankTest(arg.logic, arg.info, path, true) };
}

function concat(call: Call, ctx: CheckContext): Typed {
  const args = call.args.map((a) => ctx.check(a));
  const ok = all(args.map((a) => requireType(ctx, a, ['number', 'string', 'date', 'boolean'], (bad) => `${display(ctx, bad)} 是${typeName(bad)}，不能连接`)));
  return ok ? result(call, 'string', { cat: args.map((a) => a.logic) }, TEXT) : failed(call);
}
