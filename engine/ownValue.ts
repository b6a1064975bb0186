// Names that come from definitions and data (field codes, parameter and registry names, operation
// and function names, var paths) are looked up only among own, declared names: an object's
// inherited members ("constructor", "toString", "__proto__"…) are functions and prototypes, never
// values a form may read or write. Lookup tables built here have no prototype at all; plain
// objects (data, the household, campaign parameters) are read through ownValue.

/** Names every plain object inherits, and "prototype": refused wherever a definition names something. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A frozen lookup table without a prototype: `TABLE[name]` is undefined for every name not listed. */
export function lookupTable<T>(entries: { readonly [name: string]: T }): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** `container[key]` when the container has that key as its own (strings and arrays have "length" and indexes); else undefined. */
export function ownValue(container: unknown, key: string): unknown {
  if (container === null || container === undefined) return undefined;
  return Object.hasOwn(container as object, key) ? (container as Record<string, unknown>)[key] : undefined;
}
