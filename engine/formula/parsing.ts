// The plumbing both expression languages share — the builder's Excel-style formulas and XLSForm
// expressions: the size check run before parsing (too many parts, brackets too deep), the parse
// entry (empty, tokenize, size, syntax errors caught as one result), a token cursor for
// recursive-descent parsers and the tokenizer pieces (numbers, the end token, failures).
// Each language passes what differs: its bracket kinds, its noun (公式/表达式), its own grammar.
import { MAX_RULE_DEPTH } from '../rules/operators';
import type { FormulaError } from './types';

/** Parts (names, numbers, operators…) a formula may have: the parser and checker recurse as deep as a formula is long. */
export const MAX_FORMULA_TOKENS = 400;

/** Parentheses in parentheses: twice the rule's cap, so that cap's own message names most cases. */
export const MAX_FORMULA_NESTING = 2 * MAX_RULE_DEPTH;

/** A token as both tokenizers produce it: its kind, its text and its character offsets. */
export interface SpannedToken<Kind extends string = string> {
  kind: Kind;
  text: string;
  start: number;
  end: number;
}

export type TokensResult<T> = { ok: true; tokens: T[] } | { ok: false; error: FormulaError };
export type NodeResult<N> = { ok: true; node: N } | { ok: false; error: FormulaError };

/** A syntax error found deep in a parse, carried up to the entry as one result. */
export class SyntaxProblem extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message);
  }
}

/** What a language names itself and how its brackets nest. */
export interface Language {
  /** 公式 or 表达式, as the messages name the source. */
  noun: string;
  /** What to split a too-long source into (计算字段, calculate). */
  splitInto: string;
  opens: readonly string[];
  closes: readonly string[];
}

/** A source too long or too nested to parse, found without recursion. */
export function sizeProblem(tokens: SpannedToken[], language: Language): FormulaError | null {
  const { noun } = language;
  if (tokens.length > MAX_FORMULA_TOKENS) {
    const at = tokens[MAX_FORMULA_TOKENS]!;
    return { message: `${noun}太长：超过 ${MAX_FORMULA_TOKENS} 个部分，请拆成几个${language.splitInto}`, start: at.start, end: tokens[tokens.length - 1]!.end };
  }
  let depth = 0;
  for (const token of tokens) {
    if (language.opens.includes(token.kind)) depth += 1;
    else if (language.closes.includes(token.kind)) depth -= 1;
    if (depth > MAX_FORMULA_NESTING) return { message: `${noun}嵌套过深：括号超过 ${MAX_FORMULA_NESTING} 层`, start: token.start, end: token.end };
  }
  return null;
}

/** Empty check, tokenize, size check, then the grammar's own parse with its syntax errors caught. */
export function parseSource<T extends SpannedToken, N>(
  source: string,
  language: Language,
  tokenize: (source: string) => TokensResult<T>,
  parse: (tokens: T[]) => N,
): NodeResult<N> {
  if (source.trim() === '') return { ok: false, error: { message: `${language.noun}是空的`, start: 0, end: source.length } };
  const tokenized = tokenize(source);
  if (!tokenized.ok) return tokenized;
  const tooBig = sizeProblem(tokenized.tokens, language);
  if (tooBig) return { ok: false, error: tooBig };
  try {
    return { ok: true, node: parse(tokenized.tokens) };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { ok: false, error: e.error };
    throw e;
  }
}

/** The position in a token list a recursive-descent parser reads from. */
export class TokenCursor<T extends SpannedToken> {
  protected at = 0;

  constructor(protected readonly source: string, protected readonly tokens: T[]) {}

  protected peek(): T {
    return this.tokens[this.at]!;
  }

  protected take(): T {
    return this.tokens[this.at++]!;
  }

  protected fail(message: string, token: { start: number; end: number }): never {
    throw new SyntaxProblem({ message, start: token.start, end: token.end });
  }

  /** Text left after a complete expression: the message names it up to the source's end. */
  protected leftOver(next: T, operators: string): never {
    throw new SyntaxProblem({
      message: `多余的内容“${this.source.slice(next.start).trim()}”：前面是否缺少运算符（${operators}）？`,
      start: next.start,
      end: this.source.trimEnd().length,
    });
  }
}

/** Whether a number starts at i: a digit, or a point followed by one. */
export function numberStarts(text: string, i: number): boolean {
  return /[0-9]/.test(text[i] ?? '') || (text[i] === '.' && /[0-9]/.test(text[i + 1] ?? ''));
}

/** Where the number starting at i ends: digits, then an optional point and digits. */
export function numberEnd(text: string, i: number): number {
  while (/[0-9]/.test(text[i] ?? '')) i += 1;
  if (text[i] === '.' && /[0-9]/.test(text[i + 1] ?? '')) {
    i += 1;
    while (/[0-9]/.test(text[i] ?? '')) i += 1;
  }
  return i;
}

/** A tokenizer's failure at a span of the source. */
export function tokenFailure(message: string, start: number, end: number): { ok: false; error: FormulaError } {
  return { ok: false, error: { message, start, end } };
}

/** The tokens with the end token after them, at the source's end. */
export function withEnd<T extends SpannedToken>(tokens: T[], source: string): { ok: true; tokens: T[] } {
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length } as T);
  return { ok: true, tokens };
}

/** A one-character token at start: punctuation as its own kind, a symbol (≥ ≤ ≠) as its operator. */
export function oneCharacter(ch: string, punctuation: string, symbols: Record<string, string>, start: number): SpannedToken | null {
  if (punctuation.includes(ch)) return { kind: ch, text: ch, start, end: start + 1 };
  const symbol = symbols[ch];
  return symbol ? { kind: 'op', text: symbol, start, end: start + 1 } : null;
}
