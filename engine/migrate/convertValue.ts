// One answer carried from a field of one version of a form to the field of the same code in
// another: kept when it still fits, converted where the new type or options can hold it (a
// number typed as text, 是/否 and yes/no, a single choice into a multiple one and back), and
// otherwise refused with the reason, for the officer to answer again. Pure: no I/O.
import { optionsOf } from '../schema/fieldIndex';
import type { JsonSchema } from '../types';

export type Conversion =
  | { kind: 'kept'; value: unknown }
  | { kind: 'converted'; value: unknown }
  | { kind: 'refused'; reason: string };

function typeOf(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
  if (typeof type === 'string') return type;
  return Array.isArray(schema.enum) && schema.enum.length ? typeof schema.enum[0] : undefined;
}

const itemsOf = (schema: JsonSchema): JsonSchema => (schema.items && typeof schema.items === 'object' ? schema.items as JsonSchema : {});
const shown = (value: unknown): string => (typeof value === 'boolean' ? (value ? '是' : '否') : Array.isArray(value) ? value.map(shown).join('、') : String(value));

/** A value of a scalar type as the target type holds it, or undefined when it cannot. */
function scalarTo(type: string | undefined, value: unknown): unknown {
  if (type === undefined) return value;
  if (type === 'string') {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? '是' : '否';
    return undefined;
  }
  if (type === 'number' || type === 'integer') {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n))) return undefined;
    return n;
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (value === '是' || value === 'true') return true;
    if (value === '否' || value === 'false') return false;
    return undefined;
  }
  return undefined;
}

/** Whether a value is one of the field's options (a field with none takes any). */
function allowed(schema: JsonSchema, value: unknown): boolean {
  const options = optionsOf(schema);
  if (!options || typeOf(schema) === 'boolean') return true;
  return options.some((o) => o.value === value);
}

export function convertValue(from: JsonSchema, to: JsonSchema, value: unknown): Conversion {
  const toType = typeOf(to);
  const done = (next: unknown): Conversion => (JSON.stringify(next) === JSON.stringify(value) ? { kind: 'kept', value: next } : { kind: 'converted', value: next });
  if (toType === 'array') {
    const items = itemsOf(to);
    const list = Array.isArray(value) ? value : [value];
    const out = list.map((v) => scalarTo(typeOf(items), v));
    const misfits = list.filter((_v, i) => out[i] === undefined || !allowed(items, out[i]));
    if (misfits.length) return { kind: 'refused', reason: `新版本的选项中没有“${misfits.map(shown).join('、')}”` };
    return done(out);
  }
  if (Array.isArray(value)) {
    if (value.length !== 1) return { kind: 'refused', reason: `新版本只能选一项，原答案为“${shown(value)}”` };
    return convertValue(itemsOf(from), to, value[0]);
  }
  const next = scalarTo(toType, value);
  if (next === undefined) return { kind: 'refused', reason: `原答案“${shown(value)}”不能作为${toType === 'number' || toType === 'integer' ? (toType === 'integer' ? '整数' : '数字') : toType === 'boolean' ? '是/否' : '新类型'}` };
  if (!allowed(to, next)) return { kind: 'refused', reason: `新版本的选项中没有“${shown(value)}”` };
  return done(next);
}
