// Conditions and choices: IF, IFS, AND, OR, NOT, ISBLANK/ISEMPTY, and CONTAINS (an option
// chosen, a piece of text, a value in a list written out or in a column).
import { all, fit, mergeResults, requireCondition, result, type Call, type Handler } from './callTools';
import { blankTest, ifChain, unary } from './emitLogic';
import { display, failed, report, requireType, requireValue, typeName, type CheckContext, type Typed } from './typed';
import type { ValueInfo } from './valueInfo';

const BOOLEAN: ValueInfo = { type: 'boolean', options: null };

export const LOGIC_FUNCTIONS: Record<string, Handler> = {
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
};

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
