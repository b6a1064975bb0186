// Generates form data from a definition's schema for property tests: mostly plausible values,
// often missing ones, and sometimes wrongly typed ones, from a seeded generator so a failure
// can be replayed.
import { buildFieldIndex, optionsOf, type FieldIndex, type FieldInfo, type FormDefinition } from '@engine';

export type Random = () => number;

/** mulberry32: a small seeded generator. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const ODD_VALUES = [null, '', 'abc', '0', '12.5', -1, 0, 1e9, true, false, [], {}, ['x']];
const MONTHS = ['2020-10', '2021-03', '2021-04', '2021-09', '2021-12', '2022-06', '2023-09', 'bad'];
const DATES = ['2020-10-01', '2021-04-20', '2021-09-30', '2023-09-30', '2021-02-30'];

function leafValue(info: FieldInfo, random: Random): unknown {
  const schema = info.schema;
  if (random() < 0.08) return pick(random, ODD_VALUES);
  const options = optionsOf(schema);
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as Record<string, unknown>;
    const choices = optionsOf(items);
    if (!choices) return [];
    return choices.filter(() => random() < 0.3).map((o) => o.value);
  }
  if (options) return pick(random, options).value;
  if (schema.type === 'number' || schema.type === 'integer') {
    const r = random();
    if (r < 0.1) return 0;
    if (r < 0.15) return -5;
    return schema.type === 'integer' ? Math.floor(random() * 13) : Math.round(random() * 2_000_000) / 100;
  }
  if (schema.format === 'year-month') return pick(random, MONTHS);
  if (schema.format === 'date') return pick(random, DATES);
  if (schema.format === 'id-number' || schema.format === 'resident-id') {
    return pick(random, ['11010519491231002X', '500228198506120010', '500101199001011248', '110105194912310021', '123']);
  }
  return pick(random, ['张三', '李四', '户主', '其他', '因自然灾害', 'x'.repeat(25)]);
}

function objectValue(container: string, index: FieldIndex, random: Random, rows: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const info of index.fields.values()) {
    if ((info.parent ?? '') !== container) continue;
    if (random() < 0.2) continue;
    if (info.kind === 'table') {
      const n = random() < 0.1 ? 0 : 1 + Math.floor(random() * rows);
      out[info.code] = Array.from({ length: n }, () => objectValue(info.key, index, random, rows));
    } else if (info.kind === 'object') {
      out[info.code] = objectValue(info.key, index, random, rows);
    } else {
      out[info.code] = leafValue(info, random);
    }
  }
  return out;
}

/** Random data shaped by the definition's schema, tables up to `rows` rows. */
export function randomFormData(definition: FormDefinition, random: Random, rows = 6): Record<string, unknown> {
  return objectValue('', buildFieldIndex(definition.schema), random, rows);
}
