// JSON Pointers between rjsf and the engine. The form renders with idPrefix "root" and
// idSeparator "/", so an element id is "root" + the value's pointer ("root/members/2/A7"), and
// the pointers the engine reports in its issues find their inputs directly.
export const ID_PREFIX = 'root';
export const ID_SEPARATOR = '/';

export function pointerOfId(id: string): string {
  return id.startsWith(ID_PREFIX) ? id.slice(ID_PREFIX.length) : id;
}

export function idOfPointer(pointer: string): string {
  return ID_PREFIX + pointer;
}

export function pointerOfPath(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function segmentsOf(pointer: string): string[] {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A copy of `data` with the value at `pointer` set (undefined removes it), copying only along the path. */
export function setAt<T>(data: T, pointer: string, value: unknown): T {
  const segments = segmentsOf(pointer);
  if (segments.length === 0) return value as T;
  const write = (container: unknown, i: number): unknown => {
    const key = segments[i]!;
    const isIndex = /^\d+$/.test(key);
    // An array is written through its index keys ("0", "1", …) as an object is through its names.
    const copy = (Array.isArray(container) ? [...container] : container !== null && typeof container === 'object' ? { ...container } : isIndex ? [] : {}) as Record<string, unknown>;
    if (i === segments.length - 1) {
      if (value === undefined && !Array.isArray(copy)) delete copy[key];
      else copy[key] = value;
    } else {
      copy[key] = write(copy[key], i + 1);
    }
    return copy;
  };
  return write(data, 0) as T;
}

const readers = new Map<string, (data: unknown) => unknown>();

/**
 * A function reading the value at a pointer, made once per pointer: every field's subscription
 * runs on every change, so it must not split strings each time.
 */
export function readerOf(pointer: string): (data: unknown) => unknown {
  let read = readers.get(pointer);
  if (!read) {
    const segments = segmentsOf(pointer);
    read = (data) => {
      let current = data;
      for (const segment of segments) {
        if (current === null || typeof current !== 'object') return undefined;
        current = (current as Record<string, unknown>)[segment];
      }
      return current;
    };
    readers.set(pointer, read);
  }
  return read;
}
