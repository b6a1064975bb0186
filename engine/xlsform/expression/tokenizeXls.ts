// Splits an XLSForm expression into tokens with their character offsets: ${name} references,
// numbers, text in '…' or "…" (XPath has no escapes: a quote of the other kind may appear inside),
// names (function names like count-selected or jr:choice-name, and/or/div/mod), operators, and
// the path signs / .. @ | that are recognised only to be refused by name. Full-width punctuation
// typed on a Chinese keyboard (，（）＝ ‘’ “”) is read as its ASCII counterpart outside quotes.
import { foldCharacter } from '../../formula/tokenize';
import { numberEnd, numberStarts, oneCharacter, tokenFailure, withEnd, type SpannedToken, type TokensResult } from '../../formula/parsing';

export type XlsTokenKind = 'number' | 'string' | 'ref' | 'name' | 'op' | '(' | ')' | '[' | ']' | ',' | '.' | 'path' | 'end';

/** text: the value of a number or text, the name inside ${…}, a name, an operator. */
export type XlsToken = SpannedToken<XlsTokenKind>;

export type XlsTokenizeResult = TokensResult<XlsToken>;

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_.-]/u;
const OPERATORS = ['<=', '>=', '!=', '==', '<>', '=', '<', '>', '+', '-', '*'];
const SYMBOLS: Record<string, string> = { '≥': '>=', '≤': '<=', '≠': '!=' };
const QUOTES: Record<string, string> = { "'": "'", '"': '"', '‘': "'", '’': "'", '“': '"', '”': '"' };

function fold(ch: string): string {
  if (ch === '‘' || ch === '’') return "'";
  return ch.length === 1 ? foldCharacter(ch) : ch;
}

export function tokenizeXls(source: string): XlsTokenizeResult {
  const text = Array.from(source, fold).join('');
  const tokens: XlsToken[] = [];
  const fail = tokenFailure;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const start = i;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) return fail('${…} 缺少结束的“}”', start, source.length);
      const name = source.slice(i + 2, close).trim();
      if (name === '') return fail('${} 中缺少题目名称', start, close + 1);
      i = close + 1;
      tokens.push({ kind: 'ref', text: name, start, end: i });
      continue;
    }
    if (numberStarts(text, i)) {
      i = numberEnd(text, i);
      if (NAME_START.test(text[i] ?? '')) return fail(`“${source.slice(start, i + 1)}” 不是数字`, start, i + 1);
      tokens.push({ kind: 'number', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (QUOTES[source[i]!] || ch === "'" || ch === '"') {
      const quote = QUOTES[source[i]!] ?? ch;
      let j = i + 1;
      while (j < source.length && fold(source[j]!) !== quote) j += 1;
      if (j >= source.length) return fail('文字缺少结束的引号', start, source.length);
      tokens.push({ kind: 'string', text: source.slice(i + 1, j), start, end: j + 1 });
      i = j + 1;
      continue;
    }
    if (NAME_START.test(ch)) {
      i += 1;
      while (NAME_PART.test(text[i] ?? '') || (text[i] === ':' && NAME_START.test(text[i + 1] ?? ''))) i += 1;
      tokens.push({ kind: 'name', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (ch === '.') {
      if (text[i + 1] === '.') {
        tokens.push({ kind: 'path', text: '..', start, end: i + 2 });
        i += 2;
      } else {
        tokens.push({ kind: '.', text: '.', start, end: i + 1 });
        i += 1;
      }
      continue;
    }
    if ('/@|'.includes(ch)) {
      tokens.push({ kind: 'path', text: ch, start, end: i + 1 });
      i += 1;
      continue;
    }
    const single = oneCharacter(ch, '()[],', SYMBOLS, start);
    if (single) {
      tokens.push(single as XlsToken);
      i += 1;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === '<>') return fail('“不等于”请写成 !=', start, i + 2);
    if (op) {
      i += op.length;
      tokens.push({ kind: 'op', text: op === '==' ? '=' : op, start, end: i });
      continue;
    }
    return fail(`不认识的符号“${source[i]}”`, start, start + 1);
  }
  return withEnd(tokens, source);
}
