// Fits a constant written in a formula to the value it is compared with: an option given by its
// label becomes the option's value ("新生儿" → "1"), 是/否 written as text become yes/no, a date
// must be written as a date; anything the field cannot hold is an error that lists the options.
import { dateFormatOf, type ValueInfo } from './valueInfo';

export type Fitted = { ok: true; value: unknown } | { ok: false; message: string };

function optionList(info: ValueInfo): string {
  const labels = (info.options ?? []).map((o) => o.label);
  return labels.length <= 8 ? `（可选：${labels.join('、')}）` : `（可选：${labels.slice(0, 8).join('、')}…）`;
}

const YES_NO: Record<string, boolean> = { '是': true, '否': false, TRUE: true, FALSE: false };

/**
 * `value` is a literal compared with something described by `info` and named `name` in messages.
 * For a list (multiple choice), the literal is one of its items.
 */
export function fitLiteral(value: unknown, info: ValueInfo, name: string): Fitted {
  // Spaced so that "不能与${shown}比较" reads well: 文字“abc”, 数字 5 , 是 .
  const shown = typeof value === 'string' ? `文字“${value}”` : typeof value === 'boolean' ? ` ${value ? '是' : '否'} ` : `数字 ${String(value)} `;
  if (info.type === 'unknown') return { ok: true, value };
  if (info.type === 'boolean') {
    if (typeof value === 'boolean') return { ok: true, value };
    if (typeof value === 'string' && Object.hasOwn(YES_NO, value.toUpperCase())) return { ok: true, value: YES_NO[value.toUpperCase()] };
    return { ok: false, message: `${name} 是“是/否”，只能与 是 或 否 比较，不能与${shown}比较` };
  }
  if (info.options) {
    const byValue = info.options.find((o) => o.value === value);
    if (byValue) return { ok: true, value: byValue.value };
    const byLabel = info.options.find((o) => o.label === value || (typeof value === 'number' && o.value === String(value)));
    if (byLabel) return { ok: true, value: byLabel.value };
    return { ok: false, message: `${name} 没有选项“${String(value)}”${optionList(info)}` };
  }
  if (info.type === 'number') {
    if (typeof value === 'number') return { ok: true, value };
    return { ok: false, message: `${name} 是数字，不能与${shown}比较${typeof value === 'string' ? '（数字不加引号）' : ''}` };
  }
  if (info.type === 'date') {
    if (typeof value === 'string' && dateFormatOf(value)) return { ok: true, value };
    return { ok: false, message: `${shown} 不是日期，请写成 "2021-09-30" 或 "2021-09"` };
  }
  if (info.type === 'string' || info.type === 'list') {
    if (typeof value === 'string') return { ok: true, value };
    return { ok: false, message: `${name} 是文字，不能与${shown}比较${typeof value === 'number' ? `（文字请加引号，如 "${value}"）` : ''}` };
  }
  return { ok: true, value };
}
