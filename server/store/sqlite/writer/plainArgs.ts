// What may be sent to the writer thread: plain data all through (objects, lists, strings, finite
// and other numbers, booleans, null, undefined), found without recursion. A function, a symbol, a
// class instance that slipped into a record (a definition once copied one in) must fail that one
// write with an error, not reach postMessage, whose DataCloneError outside any request would end
// the process.

function kindOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  if (type !== 'object') return type;
  if (Array.isArray(value)) return null;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null ? null : (prototype?.constructor?.name ?? 'object');
}

/** Where the first value that is not plain data sits ("args[1].data.x: function"), or null. */
export function notPlainData(args: unknown[]): string | null {
  const seen = new Set<object>();
  const stack: { value: unknown; at: string }[] = [{ value: args, at: 'args' }];
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    const kind = kindOf(value);
    if (kind !== null) return `${at}: ${kind}`;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        stack.push({ value: item, at: `${at}[${i}]` });
      });
    }
    else for (const [key, item] of Object.entries(value)) stack.push({ value: item, at: `${at}.${key}` });
  }
  return null;
}
