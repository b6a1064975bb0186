// Functions on text, dates and ID numbers: LEN (only compared with a whole number), LEFT, RIGHT,
// MID, CONCAT, MONTHS, DAYS, AGE, GENDER and BIRTHDATE. Text is cut through {"cat": [x]}, so an empty value
// gives "" as in Excel.
import { all, requireDate, requireText, result, wholeNumber, type Call, type Handler } from './callTools';
import { asText, unary } from './emitLogic';
import { display, failed, requireType, typeName, type CheckContext, type Typed } from './typed';
import type { ValueInfo } from './valueInfo';

const NUMBER: ValueInfo = { type: 'number', options: null };
const TEXT: ValueInfo = { type: 'string', options: null };
const DATE: ValueInfo = { type: 'date', format: 'date', options: null };

export const TEXT_FUNCTIONS: Record<string, Handler> = {
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

  BIRTHDATE(call, ctx) {
    const id = ctx.check(call.args[0]!);
    if (!requireType(ctx, id, ['string'], (bad) => `BIRTHDATE 的参数应为身份证号，${display(ctx, bad)} 是${typeName(bad)}`)) return failed(call);
    return result(call, 'date', unary('idBirthDate', id.logic), DATE);
  },
};

function concat(call: Call, ctx: CheckContext): Typed {
  const args = call.args.map((a) => ctx.check(a));
  const ok = all(args.map((a) => requireType(ctx, a, ['number', 'string', 'date', 'boolean'], (bad) => `${display(ctx, bad)} 是${typeName(bad)}，不能连接`)));
  return ok ? result(call, 'string', { cat: args.map((a) => a.logic) }, TEXT) : failed(call);
}
