// What in a JSON text must be refused before it is parsed, found in one pass without recursion:
// nesting deeper than the door's limit (so nothing after the door, however it walks a value,
// meets more); the NUL character, raw or escaped (PostgreSQL cannot store it in text or JSON);
// and half of a UTF-16 surrogate pair written alone ("\ud800"), which is no character at all
// (PostgreSQL's jsonb refuses it, and it turns into U+FFFD on its way through UTF-8). Only
// strings are looked into for escapes; whether the text is JSON at all is left to JSON.parse.

export type JsonTextProblem = 'depth' | 'nul' | 'surrogate';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** The code unit an escape at `at` (a backslash) stands for, and the escape's length. */
function escaped(text: string, at: number): [unit: number, length: number] {
  if (text.charCodeAt(at + 1) !== 0x75) return [text.charCodeAt(at + 1), 2];
  const hex = text.slice(at + 2, at + 6);
  return [/^[0-9a-fA-F]{4}$/.test(hex) ? Number.parseInt(hex, 16) : -1, 6];
}

export function jsonTextProblem(text: string, maxDepth: number): JsonTextProblem | null {
  let depth = 0;
  let inString = false;
  /** The string's last unit was a high surrogate: the next must be its low half. */
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'nul';
    if (!inString) {
      if (c === QUOTE) inString = true;
      else if (OPENERS.has(c)) {
        if (++depth > maxDepth) return 'depth';
      } else if (CLOSERS.has(c)) depth--;
      continue;
    }
    let unit = c;
    if (c === QUOTE) {
      inString = false;
      unit = -1;
    } else if (c === BACKSLASH) {
      const [value, length] = escaped(text, i);
      if (value === 0) return 'nul';
      unit = value;
      i += length - 1;
    }
    if (high !== isLow(unit)) return 'surrogate';
    high = !high && isHigh(unit);
  }
  return null;
}
