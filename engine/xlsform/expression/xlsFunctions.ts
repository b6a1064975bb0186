// The functions of an XLSForm expression, each lowered to the formula language: XLSForm's own
// (if, selected, count, count-selected, sum, string-length, concat, substr, contains,
// starts-with, ends-with, round, int, number, string, coalesce, min, max, abs, date, true,
// false, not, count-non-empty), this product's (param, household, months-between, days-between,
// age-at, id-gender, id-birth-date, duplicates), and XLSForm functions with no equivalent in the
// rule sandbox, refused by name with the reason (xlsRefused.ts).
import type { FormulaNode } from '../../formula/ast';
import { fcall, name, problem, choiceLiteral, countFiltered, typedOf, type LowerContext, type Span } from './lowerXls';
import { refusal } from './xlsRefused';
import type { XlsNode } from './xlsAst';
import { formulaNameOf, parameterNameOf } from './xlsNames';
import { dateFormatOf } from '../../formula/valueInfo';

type Call = XlsNode & { kind: 'call' };
type Handler = (call: Call, ctx: LowerContext) => FormulaNode | null;

interface XlsFunction {
  min: number;
  max: number;
  usage: string;
  lower: Handler;
}

function args(call: Call, ctx: LowerContext): FormulaNode[] | null {
  const lowered = call.args.map((a) => ctx.lower(a));
  return lowered.every(Boolean) ? (lowered as FormulaNode[]) : null;
}

/** A function that is one of the formula language's under another name. */
function same(fn: string): Handler {
  return (call, ctx) => {
    const lowered = args(call, ctx);
    return lowered && fcall(fn, lowered, call);
  };
}

function wholeLiteral(node: XlsNode | undefined): number | null {
  return node?.kind === 'number' && Number.isInteger(node.value) && node.value >= 0 ? node.value : null;
}

function textLiteral(ctx: LowerContext, call: Call, index: number, what: string): string | null {
  const arg = call.args[index]!;
  if (arg.kind === 'string') return arg.value;
  problem(ctx, `${call.name}() 的${what}只能是加引号的文字，如 ${call.name}('…')`, arg);
  return null;
}

/** selected(${q}, 'name'): an option of a multiple choice chosen; for a single choice, that option. */
const selected: Handler = (call, ctx) => {
  const container = ctx.lower(call.args[0]!);
  if (!container) return null;
  const itemNode = call.args[1]!;
  const item = itemNode.kind === 'string' ? choiceLiteral(ctx, container, itemNode) : ctx.lower(itemNode);
  if (!item) return null;
  const typed = typedOf(container, ctx);
  const single = typed.type === 'string' || typed.type === 'number' || typed.type === 'boolean' || typed.type === 'date';
  if (single) return { kind: 'binary', op: '=', left: container, right: item, start: call.start, end: call.end };
  return fcall('CONTAINS', [container, item], call);
};

/** count(${members}), count(${members}[…]), count(${A16}) (its rows). */
const count: Handler = (call, ctx) => {
  const arg = call.args[0]!;
  if (arg.kind === 'filter') return countFiltered(arg, call, ctx);
  const lowered = ctx.lower(arg);
  if (!lowered) return null;
  const typed = typedOf(lowered, ctx);
  if (typed.type === 'column' && typed.table) return fcall('COUNT', [name(typed.table.display, arg)], call);
  if (typed.type === 'list') return problem(ctx, '多选题选了几项请用 count-selected()', call);
  if (typed.type !== 'table' && typed.type !== 'unknown') return problem(ctx, 'count() 数的是重复组的行数，如 count(${members})', arg);
  return fcall('COUNT', [lowered], call);
};

const countNonEmpty: Handler = (call, ctx) => {
  const column = ctx.lower(call.args[0]!);
  if (!column) return null;
  return fcall('COUNTIF', [column, { kind: 'string', value: '<>', start: call.end, end: call.end }], call);
};

/** substr(text, start, end): from the 0-based start up to (not including) end, as MID. */
const substr: Handler = (call, ctx) => {
  if (call.args.length === 2) return problem(ctx, 'substr() 请写出结束位置，如 substr(${A7}, 6, 14)', call);
  const text = ctx.lower(call.args[0]!);
  const from = wholeLiteral(call.args[1]);
  const to = wholeLiteral(call.args[2]);
  if (from === null) problem(ctx, 'substr() 的起始位置应为整数（第一个字为 0）', call.args[1]!);
  if (to === null || (from !== null && to < from)) problem(ctx, 'substr() 的结束位置应为不小于起始位置的整数', call.args[2]!);
  if (!text || from === null || to === null || to < from) return null;
  const at = (n: number, node: XlsNode): FormulaNode => ({ kind: 'number', value: n, start: node.start, end: node.end });
  return fcall('MID', [text, at(from + 1, call.args[1]!), at(to - from, call.args[2]!)], call);
};

/** starts-with(text, 'prefix') and ends-with: the first (last) characters compared with a constant. */
function startsOrEnds(fn: 'LEFT' | 'RIGHT'): Handler {
  return (call, ctx) => {
    const text = ctx.lower(call.args[0]!);
    const part = textLiteral(ctx, call, 1, '第二个参数');
    if (!text || part === null) return null;
    if (part === '') return { kind: 'boolean', value: true, start: call.start, end: call.end };
    const length: FormulaNode = { kind: 'number', value: [...part].length === part.length ? part.length : Number.NaN, start: call.end, end: call.end };
    if (Number.isNaN(length.value as number)) return problem(ctx, `${call.name}() 的文字中有不能按字计数的字符`, call.args[1]!);
    const cut = fcall(fn, [text, length], call);
    return { kind: 'binary', op: '=', left: cut, right: { kind: 'string', value: part, start: call.args[1]!.start, end: call.args[1]!.end }, start: call.start, end: call.end };
  };
}

/** int(x): x without its fraction, toward zero (x - MOD(x, 1), MOD keeping the sign of x). */
const int: Handler = (call, ctx) => {
  const value = ctx.lower(call.args[0]!);
  if (!value) return null;
  const type = typedOf(value, ctx).type;
  if (type !== 'number' && type !== 'unknown') return problem(ctx, 'int() 需要数字', call.args[0]!);
  return { kind: 'binary', op: '-', left: value, right: fcall('MOD', [value, { kind: 'number', value: 1, start: call.end, end: call.end }], call), start: call.start, end: call.end };
};

/** number(x): a number as it is; a number written as text becomes that number. */
const number: Handler = (call, ctx) => {
  const arg = call.args[0]!;
  if (arg.kind === 'string') {
    const n = Number(arg.value.trim());
    if (arg.value.trim() === '' || !Number.isFinite(n)) return problem(ctx, `'${arg.value}' 不是数字`, arg);
    return { kind: 'number', value: n, start: call.start, end: call.end };
  }
  const value = ctx.lower(arg);
  if (!value) return null;
  const type = typedOf(value, ctx).type;
  if (type !== 'number' && type !== 'unknown') return problem(ctx, 'number() 在这里只能用于数字（规则中没有把文字或是/否转成数字的运算）', arg);
  return value;
};

/** coalesce(a, b): a when it is filled, else b. */
const coalesce: Handler = (call, ctx) => {
  const lowered = args(call, ctx);
  if (!lowered) return null;
  const [a, b] = lowered as [FormulaNode, FormulaNode];
  return fcall('IF', [fcall('ISBLANK', [a], call), b, a], call);
};

const date: Handler = (call, ctx) => {
  const text = textLiteral(ctx, call, 0, '参数');
  if (text === null) return null;
  if (!dateFormatOf(text)) return problem(ctx, `'${text}' 不是日期，请写成 '2021-09-30' 或 '2021-09'`, call.args[0]!);
  return { kind: 'string', value: text, start: call.start, end: call.end };
};

const boolean = (value: boolean): Handler => (call) => ({ kind: 'boolean', value, start: call.start, end: call.end });

const param: Handler = (call, ctx) => {
  const text = textLiteral(ctx, call, 0, '参数名');
  if (text === null) return null;
  const named = parameterNameOf(text, ctx.scope);
  return named.ok ? name(named.name, call) : problem(ctx, named.message, call.args[0]!);
};

const household: Handler = (call, ctx) => {
  const text = textLiteral(ctx, call, 0, '户信息名');
  return text === null ? null : name(`$household.${text}`, call);
};

/** duplicates(${A7}): the values of a repeat's column found in more than one row (${A7} is the column, even inside the repeat). */
const duplicates: Handler = (call, ctx) => {
  const arg = call.args[0]!;
  const table = ctx.scope.table;
  if (arg.kind === 'ref' && table && !arg.name.includes('.') && formulaNameOf(arg.name, ctx.scope).ok) {
    const column = name(`${table}.${arg.name}`, arg);
    if (typedOf(column, ctx).type === 'column') return fcall('DUPLICATES', [column], call);
  }
  return same('DUPLICATES')(call, ctx);
};

const FUNCTIONS: Record<string, XlsFunction> = {
  if: { min: 3, max: 3, usage: "if(${A34} < param('incomeLine'), '低于', '')", lower: same('IF') },
  not: { min: 1, max: 1, usage: "not(selected(${A27}, '其他'))", lower: same('NOT') },
  true: { min: 0, max: 0, usage: 'true()', lower: boolean(true) },
  false: { min: 0, max: 0, usage: 'false()', lower: boolean(false) },
  selected: { min: 2, max: 2, usage: "selected(${A27}, '因病')", lower: selected },
  count: { min: 1, max: 1, usage: "count(${members}) 或 count(${members}[A8 = '户主'])", lower: count },
  'count-selected': { min: 1, max: 1, usage: 'count-selected(${A27})', lower: same('COUNT') },
  'count-non-empty': { min: 1, max: 1, usage: 'count-non-empty(${A7})', lower: countNonEmpty },
  sum: { min: 1, max: 1, usage: 'sum(${A16})', lower: same('SUM') },
  'string-length': { min: 1, max: 1, usage: 'string-length(${A7}) = 18', lower: same('LEN') },
  concat: { min: 1, max: Infinity, usage: "concat(${A5}, '（', ${A8}, '）')", lower: same('CONCAT') },
  string: { min: 1, max: 1, usage: 'string(${A16})', lower: same('CONCAT') },
  substr: { min: 2, max: 3, usage: 'substr(${A7}, 6, 14)', lower: substr },
  contains: { min: 2, max: 2, usage: "contains(${address}, '村')", lower: same('CONTAINS') },
  'starts-with': { min: 2, max: 2, usage: "starts-with(${divisionCode}, '5001')", lower: startsOrEnds('LEFT') },
  'ends-with': { min: 2, max: 2, usage: "ends-with(${A7}, 'X')", lower: startsOrEnds('RIGHT') },
  round: { min: 1, max: 2, usage: 'round(${A33} div count(${members}), 2)', lower: same('ROUND') },
  int: { min: 1, max: 1, usage: 'int(${A16} div 12)', lower: int },
  number: { min: 1, max: 1, usage: "number('12')", lower: number },
  coalesce: { min: 2, max: 2, usage: 'coalesce(${A35}, 0)', lower: coalesce },
  min: { min: 1, max: Infinity, usage: 'min(${A28}, ${A29})', lower: same('MIN') },
  max: { min: 1, max: Infinity, usage: 'max(${A28}, 0)', lower: same('MAX') },
  abs: { min: 1, max: 1, usage: 'abs(${A33})', lower: same('ABS') },
  date: { min: 1, max: 1, usage: "date('2021-09-30')", lower: date },
  param: { min: 1, max: 1, usage: "param('incomeLine')", lower: param },
  household: { min: 1, max: 1, usage: "household('kind')", lower: household },
  'months-between': { min: 2, max: 2, usage: "months-between(household('identifiedMonth'), ${A54})", lower: same('MONTHS') },
  'days-between': { min: 2, max: 2, usage: "days-between(param('incomePeriodEnd'), ${fillDate})", lower: same('DAYS') },
  'age-at': { min: 2, max: 2, usage: "age-at(${A4}, param('referenceDate'))", lower: same('AGE') },
  'id-gender': { min: 1, max: 1, usage: 'id-gender(${A7})', lower: same('GENDER') },
  'id-birth-date': { min: 1, max: 1, usage: 'id-birth-date(${A7})', lower: same('BIRTHDATE') },
  duplicates: { min: 1, max: 1, usage: 'not(selected(duplicates(${A7}), ${A7}))', lower: duplicates },
};

export const XLS_FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);

function arity(fn: XlsFunction, name: string, count: number): string | null {
  if (count >= fn.min && count <= fn.max) return null;
  const wanted = fn.min === fn.max ? `${fn.min} 个` : fn.max === Infinity ? `至少 ${fn.min} 个` : `${fn.min} 到 ${fn.max} 个`;
  return `${name}() 需要 ${wanted}参数，如 ${fn.usage}`;
}

export function lowerCall(call: Call, ctx: LowerContext): FormulaNode | null {
  const fn = Object.hasOwn(FUNCTIONS, call.name) ? FUNCTIONS[call.name]! : null;
  const nameAt: Span = { start: call.start, end: call.nameEnd };
  if (!fn) {
    const refused = refusal(call.name);
    if (refused) return problem(ctx, refused, nameAt);
    if (call.name === 'and' || call.name === 'or') return problem(ctx, `${call.name} 是运算符，请写在两个条件之间，如 \${A1} = 'yes' ${call.name} \${A28} > 0`, nameAt);
    const lower = call.name.toLowerCase();
    if (Object.hasOwn(FUNCTIONS, lower)) return problem(ctx, `函数名要小写：${lower}()`, nameAt);
    return problem(ctx, `不认识的函数 ${call.name}()`, nameAt);
  }
  const wrong = arity(fn, call.name, call.args.length);
  if (wrong) return problem(ctx, wrong, call);
  return fn.lower(call, ctx);
}
