// Checks that a computed field's formula cannot break a bound its schema sets (minimum,
// maximum, exclusiveMinimum, exclusiveMaximum): the officer cannot change a computed value, so
// such a bound would block every submit it fails ("A51 不能小于 0" on a ledger whose costs exceed
// its income). The formula's range comes from valueRange over the bounds of what it reads; a
// bound the range cannot be proven to keep is an error naming the field and the range.
import { valueRange, ANY, type Range, type RangeScope } from '../rules/valueRange';
import type { FieldIndex, FieldInfo } from '../schema/fieldIndex';
import type { DefinitionProblem, FormDefinition } from '../types';
import { DEFAULT_MONEY_MAXIMUM, isMoneyField } from '../validation/numberBounds';

const AMOUNT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });
const show = (n: number) => (n === Infinity ? '无上限' : n === -Infinity ? '无下限' : AMOUNT.format(n));

function schemaRange(info: FieldInfo): Range {
  const s = info.schema;
  const lo = Math.max(typeof s.minimum === 'number' ? s.minimum : -Infinity, typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : -Infinity);
  const hi = Math.min(typeof s.maximum === 'number' ? s.maximum : Infinity, typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : Infinity);
  return { lo, hi };
}

/** The range each field's value can take, computed fields by their formulas. */
function rangesOf(definition: FormDefinition, index: FieldIndex) {
  const formulas = new Map((definition.rules?.computed ?? []).map((r) => [r.field, r.value]));
  const memo = new Map<string, Range>();
  const visiting = new Set<string>();

  function fieldRange(key: string): Range {
    const info = index.fields.get(key);
    if (info?.kind !== 'leaf') return ANY;
    if (info.schema.type === 'boolean') return { lo: 0, hi: 1 };
    if (info.schema.type !== 'number' && info.schema.type !== 'integer') return ANY;
    const formula = formulas.get(key);
    if (formula === undefined) {
      const own = schemaRange(info);
      const ownMaximum = typeof info.schema.maximum === 'number' || typeof info.schema.exclusiveMaximum === 'number';
      return !ownMaximum && !info.readOnly && isMoneyField(definition, index, key) ? { lo: own.lo, hi: Math.min(own.hi, DEFAULT_MONEY_MAXIMUM) } : own;
    }
    return computedRange(key, formula) ?? ANY;
  }

  function scopeFor(table: string | null): RangeScope {
    return {
      varRange(path) {
        if (path.startsWith('$row.') && table) return fieldRange(`${table}.${path.slice(5)}`);
        if (path.startsWith('$')) return ANY;
        return fieldRange(path);
      },
      rowsOf(path) {
        const info = index.fields.get(path);
        return info?.kind === 'table' && typeof info.schema.maxItems === 'number' ? info.schema.maxItems : Infinity;
      },
      columnRange(tablePath, column) {
        return tablePath.startsWith('$') ? ANY : fieldRange(`${tablePath}.${column}`);
      },
    };
  }

  function computedRange(key: string, formula: unknown): Range | null {
    if (memo.has(key)) return memo.get(key)!;
    if (visiting.has(key)) return ANY;
    visiting.add(key);
    const range = valueRange(formula, scopeFor(index.fields.get(key)?.table ?? null));
    visiting.delete(key);
    memo.set(key, range ?? ANY);
    return range;
  }

  return { computedRange };
}

export function checkComputedBounds(definition: FormDefinition, index: FieldIndex): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const { computedRange } = rangesOf(definition, index);
  for (const rule of definition.rules?.computed ?? []) {
    const info = index.fields.get(rule.field);
    if (info?.kind !== 'leaf') continue;
    const s = info.schema;
    const bounds: [string, number, (r: Range, b: number) => boolean, string][] = [];
    if (typeof s.minimum === 'number') bounds.push(['minimum', s.minimum, (r, b) => r.lo >= b, `不能小于 ${show(s.minimum)}`]);
    if (typeof s.exclusiveMinimum === 'number') bounds.push(['exclusiveMinimum', s.exclusiveMinimum, (r, b) => r.lo > b, `须大于 ${show(s.exclusiveMinimum)}`]);
    if (typeof s.maximum === 'number') bounds.push(['maximum', s.maximum, (r, b) => r.hi <= b, `不能大于 ${show(s.maximum)}`]);
    if (typeof s.exclusiveMaximum === 'number') bounds.push(['exclusiveMaximum', s.exclusiveMaximum, (r, b) => r.hi < b, `须小于 ${show(s.exclusiveMaximum)}`]);
    if (bounds.length === 0) continue;
    const range = computedRange(rule.field, rule.value);
    if (range === null) continue;
    const title = typeof s.title === 'string' ? s.title : info.code;
    for (const [keyword, bound, holds, says] of bounds) {
      if (holds(range, bound)) continue;
      problems.push({
        path: `/schema/properties/${schemaPointer(info)}/${keyword}`,
        message: `${title}是计算字段（由公式得出，填表人无法修改），它的公式可能得出 ${show(range.lo)} 至 ${show(range.hi)} 之间的值，会违反“${says}”而使表无法提交：请去掉这个限制，或改公式使结果不越界`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/** The schema pointer below /schema/properties/ of a field: a column sits under its table's items. */
function schemaPointer(info: FieldInfo): string {
  if (!info.table) return info.key.split('.').join('/properties/');
  const column = info.key.slice(info.table.length + 1);
  return `${info.table.split('.').join('/properties/')}/items/properties/${column.split('.').join('/properties/')}`;
}
