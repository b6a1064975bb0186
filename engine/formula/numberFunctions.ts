// Functions on numbers: ROUND, MIN, MAX, ABS (max of x and -x) and MOD; amounts read with 0
// when empty, as in arithmetic.
import { all, result, wholeNumber, type Call, type Handler } from './callTools';
import { failed, numeric, report, requireNumber, type CheckContext, type Typed } from './typed';

export const NUMBER_FUNCTIONS: Record<string, Handler> = {
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
