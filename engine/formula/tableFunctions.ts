// Functions over a table's rows: SUM of a column, COUNT of rows, COUNTIF/COUNTIFS with Excel's
// criteria ("户主", 否, ">=6", "<>户主", "" for blank), SUMIF, DUPLICATES. A criterion becomes a
// condition on one row inside filter, where {"var": "A17"} reads the row's column.
import type { FormulaNode } from './ast';
import { fit, infoTypeName, requireColumn, result, type Handler } from './callTools';
import { blankTest, nary, unary, varOf } from './emitLogic';
import type { TableRef } from './resolveName';
import { display, failed, numeric, report, requireNumber, requireType, typeName, type CheckContext, type Typed } from './typed';

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
      report(ctx, `${name} 是${infoTypeName(column.info)}，不能比较大小`, crit.node);
      return undefined;
    }
  }
  if (typeof value === 'string' && NUMERIC.test(value) && column.info.type === 'number' && !column.info.options) value = Number(value);
  const fitted = fit(ctx, { ...crit, logic: value }, column.info, name);
  if (!fitted) return undefined;
  return { [op]: [cell, fitted.value] };
}

function countIf(ctx: CheckContext, fn: string, pairs: FormulaNode[]): { table: TableRef; condition: unknown } | null {
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

export const TABLE_FUNCTIONS: Record<string, Handler> = {
  SUM(call, ctx) {
    const parts: unknown[] = [];
    let ok = true;
    for (const arg of call.args.map((a) => ctx.check(a))) {
      if (arg.type === 'column') {
        if (arg.info.type !== 'number' && arg.info.type !== 'unknown') {
          report(ctx, `${display(ctx, arg)} 是${infoTypeName(arg.info)}，不能求和`, arg.node);
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
    const counted = countIf(ctx, 'COUNTIF', call.args);
    return counted ? result(call, 'number', unary('count', { filter: [varOf(counted.table.path), counted.condition] })) : failed(call);
  },

  COUNTIFS(call, ctx) {
    const counted = countIf(ctx, 'COUNTIFS', call.args);
    return counted ? result(call, 'number', unary('count', { filter: [varOf(counted.table.path), counted.condition] })) : failed(call);
  },

  SUMIF(call, ctx) {
    const counted = countIf(ctx, 'SUMIF', call.args.slice(0, 2));
    const summed = ctx.check(call.args[2]!);
    if (!requireColumn(ctx, summed, 'SUMIF') || !counted) return failed(call);
    if (summed.table.path !== counted.table.path) {
      report(ctx, 'SUMIF 的条件列和求和列应来自同一个表格', summed.node);
      return failed(call);
    }
    if (summed.info.type !== 'number' && summed.info.type !== 'unknown') {
      report(ctx, `${display(ctx, summed)} 是${infoTypeName(summed.info)}，不能求和`, summed.node);
      return failed(call);
    }
    return result(call, 'number', { sum: [{ filter: [varOf(counted.table.path), counted.condition] }, summed.column] });
  },

  DUPLICATES(call, ctx) {
    const column = ctx.check(call.args[0]!);
    if (!requireColumn(ctx, column, 'DUPLICATES')) return failed(call);
    return result(call, 'list', { duplicates: [varOf(column.table.path), column.column] }, { type: 'list', options: column.info.options });
  },
};
