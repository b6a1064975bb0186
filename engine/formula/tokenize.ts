// Splits a formula into tokens with their character offsets. Chinese input is taken as typed:
// full-width punctuation (，（）＋＝…), 、 as a comma, × ÷ ≥ ≤ ≠, 【】 and “” are read as their
// ASCII counterparts outside quotes, one character for one so offsets stay those of the text
// (≥ ≤ ≠ become one operator token each).
// Quoted text and [bracketed names] keep their characters untouched.
import { numberEnd, numberStarts, oneCharacter, tokenFailure, withEnd, type SpannedToken, type TokensResult } from './parsing';

export type TokenKind = 'number' | 'string' | 'name' | 'bracket' | 'op' | '(' | ')' | ',' | '{' | '}' | 'end';

/** text: the number's, text's or name's value; the operator as normalised ("<=", "<>"). */
export type Token = SpannedToken<TokenKind>;

const ALIASES: Record<string, string> = {
  '、': ',', '×': '*', '÷': '/', '【': '[', '】': ']',
  '“': '"', '”': '"', '\u3000': ' ',
};

/** One character as the tokenizer reads it outside quotes (full-width forms folded to ASCII). */
export function foldCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ALIASES[ch] ?? ch;
}

const NAME_START = /[\p{L}_$]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;
const OPERATORS = ['<=', '>=', '<>', '==', '!=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%'];
/** One character standing for a two-character operator (kept apart so offsets stay one for one). */
const SYMBOLS: Record<string, string> = { '≥': '>=', '≤': '<=', '≠': '<>' };

export type TokenizeResult = TokensResult<Token>;

export function tokenize(source: string): TokenizeResult {
  const text = Array.from(source, (ch) => (ch.length === 1 ? foldCharacter(ch) : ch)).join('');
  const tokens: Token[] = [];
  let i = 0;
  const fail = tokenFailure;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    if (numberStarts(text, i)) {
      i = numberEnd(text, i);
      if (NAME_PART.test(text[i] ?? '')) {
        while (NAME_PART.test(text[i] ?? '')) i += 1;
        return fail(`“${source.slice(start, i)}” 不是数字，字段编码要以字母开头`, start, i);
      }
      tokens.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (ch === '"') {
      // Text as typed: the opening quote decides nothing, any of " “ ” ＂ closes; "" is a quote.
      let value = '';
      i += 1;
      for (;;) {
        if (i >= source.length) return fail('文字缺少结束的引号', start, source.length);
        if (text[i] === '"') {
          if (text[i + 1] === '"' && source[i + 1] === '"' && source[i] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += source[i];
        i += 1;
      }
      tokens.push({ kind: 'string', text: value, start, end: i });
      continue;
    }
    if (ch === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0) return fail('名称缺少结束的方括号“]”', start, source.length);
      const name = source.slice(i + 1, close).trim();
      if (name === '') return fail('方括号中缺少名称', start, close + 1);
      i = close + 1;
      tokens.push({ kind: 'bracket', text: name, start, end: i });
      continue;
    }
    if (NAME_START.test(ch)) {
      i += 1;
      while (NAME_PART.test(text[i] ?? '')) i += 1;
      while (text[i] === '.') {
        if (!NAME_START.test(text[i + 1] ?? '')) return fail(`“${source.slice(start, i + 1)}” 后面缺少列名`, start, i + 1);
        i += 2;
        while (NAME_PART.test(text[i] ?? '')) i += 1;
      }
      tokens.push({ kind: 'name', text: text.slice(start, i), start, end: i });
      continue;
    }
    const single = oneCharacter(ch, '(),{}', SYMBOLS, start);
    if (single) {
      tokens.push(single as Token);
      i += 1;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      i += op.length;
      tokens.push({ kind: 'op', text: op, start, end: i });
      continue;
    }
    return fail(`不认识的符号“${source[i]}”`, start, start + 1);
  }
  return withEnd(tokens, source);
}
