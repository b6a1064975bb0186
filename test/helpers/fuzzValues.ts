// Generators of hostile request content for the API fuzz suite (fast-check): strings with every
// kind of character a store or a parser may choke on, JSON values of every type and shape, values
// that follow a route's documented schema (mostly), and seeds — real, valid bodies — mutated at
// random places. Deep nesting and huge strings are written into the JSON text afterwards
// (`@@DEEP:n:a@@`, `@@HUGE:n@@` placeholders), so no generator has to build them as values.
import fc from 'fast-check';

/** Characters that have broken servers: NUL and controls, lone surrogates, quotes, escapes, BOM, RTL, emoji. */
const SPECIAL = ['\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\u2028', '\ud800', '\udc00', '\ud83d', '\ufeff', '\ufffe', '\uffff',
  '\u202e', '"', '\\', '\\u0000', '%00', '%', '/', '..', '{', '[', '\'', '`', '$', '<script>', '😀', '张', '𠀀', ' ', '\n', '\t'];

// Mostly printable, so that a request is not always refused at the door for one character.
const unit = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 6 }) },
);

/** A short string of anything at all, lone surrogates and NUL included. */
export const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '-1', '1e309', 'NaN', 'null', 'true',
    '2021-13-01', '0000-00-00', '2021-02-30', '2021-11-20', '500118104201', '500118', '00000000-0000-0000-0000-000000000000') },
  { weight: 1, arbitrary: fc.integer({ min: 900, max: 1100 }).map((n) => 'x'.repeat(n)) },
);

const KEYS = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'id', 'data', 'revision', 'definition') },
);

const scalar = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(),
  fc.constantFrom(0, -0, 1e308, -1e308, 2 ** 53 + 1, 5e-324, 1.5, 12000),
  hostileString,
);

/** Any JSON value (NaN and Infinity become null once written), keys of every kind, `__proto__` too. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.array(fc.tuple(KEYS, tie('value')), { maxLength: 5 }).map((entries) => {
      const object: Record<string, unknown> = {};
      for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      return object;
    }),
  ),
})).value;

export interface JsonSchema {
  $ref?: string; type?: string; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema;
  enum?: unknown[]; nullable?: boolean; format?: string; pattern?: string; minimum?: number; maximum?: number;
  minLength?: number; maxLength?: number; minItems?: number; maxItems?: number; anyOf?: JsonSchema[]; oneOf?: JsonSchema[];
  allOf?: JsonSchema[]; additionalProperties?: boolean | JsonSchema;
}

/** A value that mostly follows `schema` (so requests get past validation), now and then anything at all. */
export function fromSchema(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  const follow = (inner: JsonSchema) => fromSchema(inner, components, depth + 1);
  let arbitrary: fc.Arbitrary<unknown>;
  if (schema.$ref) return follow(components[schema.$ref.split('/').at(-1)!] ?? {});
  if (depth > 6) return anyJson;
  if (schema.anyOf || schema.oneOf) arbitrary = fc.oneof(...(schema.anyOf ?? schema.oneOf)!.map(follow));
  else if (schema.allOf) arbitrary = follow(schema.allOf[0]!);
  else if (schema.enum) arbitrary = fc.constantFrom(...schema.enum);
  else if (schema.type === 'string') {
    let pattern: RegExp | null = null;
    try {
      pattern = schema.pattern ? new RegExp(schema.pattern) : null;
    } catch { /* a pattern JavaScript cannot read: plain strings */ }
    arbitrary = schema.format === 'uuid' ? fc.uuid()
      : pattern ? fc.stringMatching(pattern)
        : fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 20, 30)) });
  } else if (schema.type === 'integer') arbitrary = fc.integer({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
  else if (schema.type === 'number') arbitrary = fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
  else if (schema.type === 'boolean') arbitrary = fc.boolean();
  else if (schema.type === 'array') {
    arbitrary = fc.array(follow(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)) });
  } else if (schema.type === 'object' || schema.properties) {
    const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, inner]) => [key, follow(inner)]));
    const record = fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    const extra = typeof schema.additionalProperties === 'object' ? fc.dictionary(fc.string({ maxLength: 8 }), follow(schema.additionalProperties), { maxKeys: 4 }) : fc.constant({});
    arbitrary = fc.tuple(extra, record).map(([more, known]) => ({ ...more, ...known }));
  } else arbitrary = anyJson;
  if (schema.nullable) arbitrary = fc.option(arbitrary, { nil: null });
  return fc.oneof({ weight: 12, arbitrary }, { weight: 1, arbitrary: anyJson });
}

type Mutation = { at: number; kind: 'set' | 'delete' | 'add' | 'deep' | 'huge' | 'wrap'; value: unknown; key: string; size: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'add', 'deep', 'huge', 'wrap'),
  value: anyJson,
  key: KEYS,
  size: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 6000 })),
});

/** Every place in a value: its containers with each key. */
function places(root: unknown): { parent: Record<string, unknown>; key: string }[] {
  const found: { parent: Record<string, unknown>; key: string }[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      found.push({ parent: value as Record<string, unknown>, key });
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return found;
}

/** Sets an own property, even one named __proto__ (an assignment would change the prototype). */
function put(parent: Record<string, unknown>, key: string, value: unknown): void {
  if (Array.isArray(parent)) {
    if (/^\d+$/.test(key)) parent[Number(key)] = value;
    else parent.push(value);
  } else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

function apply(root: unknown, m: Mutation): unknown {
  const all = places(root);
  if (all.length === 0) return m.kind === 'set' ? m.value : root;
  const { parent, key } = all[m.at % all.length]!;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (m.kind === 'add') put(parent, Array.isArray(parent) ? '' : m.key, m.value);
  else if (m.kind === 'deep') put(parent, key, `@@DEEP:${m.size}:${m.size % 2 ? 'a' : 'o'}@@`);
  else if (m.kind === 'huge') put(parent, key, `@@HUGE:${m.size * 150}@@`);
  else if (m.kind === 'wrap') put(parent, key, [parent[key]]);
  else put(parent, key, m.value);
  return root;
}

/** One of the seeds, copied and changed in one to three places. */
export function mutated(seeds: unknown[]): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([seed, mutations]) => mutations.reduce((value, m) => apply(value, m), structuredClone(seed)));
}

/** JSON text of a value, with the placeholders for deep nesting and huge strings written out. */
export function jsonText(value: unknown): string {
  return (JSON.stringify(value) ?? 'null')
    .replace(/"@@DEEP:(\d+):([ao])@@"/g, (_, n: string, kind: string) => {
      const levels = Number(n);
      return kind === 'a' ? `${'['.repeat(levels)}1${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    })
    .replace(/"@@HUGE:(\d+)@@"/g, (_, n: string) => JSON.stringify('长'.repeat(Number(n))));
}
