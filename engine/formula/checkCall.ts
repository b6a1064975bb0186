// Checks a function call and lowers it to JSON-Logic: the name (case-insensitive) and argument
// count from the catalogue, then the function's own check, by family: tables, conditions,
// numbers, text and dates.
import { lookupTable } from '../ownValue';
import { arityProblem, closestFunction, FORMULA_FUNCTIONS } from './functions';
import { LOGIC_FUNCTIONS } from './logicFunctions';
import { NUMBER_FUNCTIONS } from './numberFunctions';
import { TABLE_FUNCTIONS } from './tableFunctions';
import { TEXT_FUNCTIONS } from './textFunctions';
import type { Call, Handler } from './callTools';
import { failed, report, type CheckContext, type Typed } from './typed';

const HANDLERS = lookupTable<Handler>({ ...TABLE_FUNCTIONS, ...LOGIC_FUNCTIONS, ...NUMBER_FUNCTIONS, ...TEXT_FUNCTIONS });

export function checkCall(call: Call, ctx: CheckContext): Typed {
  const name = call.name.toUpperCase();
  const fn = FORMULA_FUNCTIONS.get(name);
  if (!fn) {
    const guess = closestFunction(name);
    report(ctx, `不认识的函数 ${call.name}${guess ? `（是不是 ${guess}？）` : ''}`, { start: call.start, end: call.nameEnd });
    call.args.forEach((arg) => { ctx.check(arg); });
    return failed(call);
  }
  const problem = arityProblem(fn, call.args.length);
  if (problem) {
    report(ctx, problem, call);
    return failed(call);
  }
  return HANDLERS[name]!(call, ctx);
}
