// Parses a formula's tokens into a syntax tree by precedence climbing, Excel's order from loose to
// tight: comparisons (= <> < > <= >=), & (joining text), + -, * /, unary minus, postfix %.
// Syntax errors stop the parse with one precise message at the offending token: a missing
// operand, an unclosed or extra parenthesis, text left over, an unsupported ^.
import { COMPARISONS, precedenceOf, type BinaryOperator, type FormulaNode } from './ast';
import { MAX_RULE_DEPTH } from '../rules/operators';
import { lookupTable } from '../ownValue';
import { tokenize, type Token } from './tokenize';
import type { FormulaError } from './types';

export type ParseResult = { ok: true; node: FormulaNode } | { ok: false; error: FormulaError };

class SyntaxProblem extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message);
  }
}

const KEYWORDS = lookupTable<boolean>({ TRUE: true, FALSE: false, '是': true, '否': false });

/** Parts (names, numbers, operators…) a formula may have: the parser and checker recurse as deep as a formula is long. */
export const MAX_FORMULA_TOKENS = 400;

/** Parentheses in parentheses: twice the rule's cap, so that cap's own message names most cases. */
export const MAX_FORMULA_NESTING = 2 * MAX_RULE_DEPTH;

/** A formula too long or too nested to parse, found without recursion. */
function sizeProblem(tokens: Token[]): FormulaError | null {
  if (tokens.length > MAX_FORMULA_TOKENS) {
    const at = tokens[MAX_FORMULA_TOKENS]!;
    return { message: `公式太长：超过 ${MAX_FORMULA_TOKENS} 个部分，请拆成几个计算字段`, start: at.start, end: tokens[tokens.length - 1]!.end };
  }
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === '(' || token.kind === '{') depth += 1;
    else if (token.kind === ')' || token.kind === '}') depth -= 1;
    if (depth > MAX_FORMULA_NESTING) return { message: `公式嵌套过深：括号超过 ${MAX_FORMULA_NESTING} 层`, start: token.start, end: token.end };
  }
  return null;
}

export function parseFormula(source: string): ParseResult {
  if (source.trim() === '') return { ok: false, error: { message: '公式是空的', start: 0, end: source.length } };
  const tokenized = tokenize(source);
  if (!tokenized.ok) return tokenized;
  const tooBig = sizeProblem(tokenized.tokens);
  if (tooBig) return { ok: false, error: tooBig };
  try {
    return { ok: true, node: new Parser(source, tokenized.tokens).formula() };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { ok: false, error: e.error };
    throw e;
  }
}

class Parser {
  private at = 0;

  constructor(private readonly source: string, private readonly tokens: Token[]) {}

  formula(): FormulaNode {
    const node = this.expression(0);
    const next = this.peek();
    if (next.kind === ')') this.fail('多了一个右括号“)”', next);
    if (next.kind === ',') this.fail('逗号只能用在函数的参数之间，如 SUM(A28, A29)', next);
    if (next.kind !== 'end') {
      throw new SyntaxProblem({
        message: `多余的内容“${this.source.slice(next.start).trim()}”：前面是否缺少运算符（+ - * / & =）？`,
        start: next.start,
        end: this.source.trimEnd().length,
      });
    }
    return node;
  }

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private take(): Token {
    return this.tokens[this.at++]!;
  }

  private fail(message: string, token: { start: number; end: number }): never {
    throw new SyntaxProblem({ message, start: token.start, end: token.end });
  }

  private binaryOperator(token: Token): BinaryOperator | null {
    if (token.kind !== 'op') return null;
    if (token.text === '==') return '=';
    if (token.text === '!=') return '<>';
    if (token.text === '%' || token.text === '^') return null;
    return token.text as BinaryOperator;
  }

  private expression(minPrecedence: number): FormulaNode {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'op' && token.text === '^') this.fail('不支持乘方“^”，请写成连乘，如 A1*A1', token);
      const op = this.binaryOperator(token);
      if (!op) return left;
      const precedence = precedenceOf(op);
      if (precedence <= minPrecedence) return left;
      this.take();
      const right = this.operand(token, precedence);
      if (COMPARISONS.has(op)) {
        left = this.comparisonChain(left, op, right);
        continue;
      }
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
  }

  /** The right operand of a binary operator, or an error naming the operator that lacks it. */
  private operand(operator: Token, precedence: number): FormulaNode {
    const next = this.peek();
    if (next.kind === 'end' || next.kind === ')' || next.kind === ',' || next.kind === '}') {
      this.fail(`“${operator.text}” 后面缺少数值`, operator);
    }
    return this.expression(precedence);
  }

  /** a < b, and a < b < c (a value between two bounds); other chains are refused. */
  private comparisonChain(left: FormulaNode, op: BinaryOperator, right: FormulaNode): FormulaNode {
    const next = this.peek();
    const nextOp = this.binaryOperator(next);
    if (!nextOp || !COMPARISONS.has(nextOp)) return { kind: 'binary', op, left, right, start: left.start, end: right.end };
    const upward = (o: string) => o === '<' || o === '<=';
    if (!upward(op) || !upward(nextOp)) {
      this.fail(`比较不能连写，请用 AND(…, …) 把两个比较分开写`, next);
    }
    this.take();
    const third = this.operand(next, precedenceOf(nextOp));
    const after = this.binaryOperator(this.peek());
    if (after && COMPARISONS.has(after)) this.fail('比较不能连写超过两次，请用 AND(…, …)', this.peek());
    return {
      kind: 'between', ops: [op as '<' | '<=', nextOp as '<' | '<='], operands: [left, right, third], start: left.start, end: third.end,
    };
  }

  private unary(): FormulaNode {
    const token = this.peek();
    if (token.kind === 'op' && (token.text === '-' || token.text === '+')) {
      this.take();
      const next = this.peek();
      if (next.kind === 'end' || next.kind === ')' || next.kind === ',') this.fail(`“${token.text}” 后面缺少数值`, token);
      const operand = this.unary();
      return token.text === '-' ? { kind: 'negate', operand, start: token.start, end: operand.end } : { ...operand, start: token.start };
    }
    return this.postfix();
  }

  private postfix(): FormulaNode {
    let node = this.primary();
    while (this.peek().kind === 'op' && this.peek().text === '%') {
      const percent = this.take();
      node = { kind: 'percent', operand: node, start: node.start, end: percent.end };
    }
    return node;
  }

  private primary(): FormulaNode {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.take();
        return { kind: 'number', value: Number(token.text), start: token.start, end: token.end };
      case 'string':
        this.take();
        return { kind: 'string', value: token.text, start: token.start, end: token.end };
      case 'bracket':
        this.take();
        return { kind: 'name', name: token.text, bracketed: true, start: token.start, end: token.end };
      case 'name':
        return this.nameOrCall();
      case '(':
        return this.group();
      case '{':
        return this.list();
      case 'end':
        return this.fail(this.at === 0 ? '公式是空的' : '公式不完整：最后缺少数值', token);
      case ')':
        return this.fail('“)” 前面缺少数值', token);
      case ',':
        return this.fail('“,” 前面缺少数值', token);
      default:
        return this.fail(`“${token.text}” 前面缺少数值`, token);
    }
  }

  private nameOrCall(): FormulaNode {
    const token = this.take();
    if (this.peek().kind !== '(') {
      const keyword = KEYWORDS[token.text.toUpperCase()];
      if (keyword !== undefined) return { kind: 'boolean', value: keyword, start: token.start, end: token.end };
      return { kind: 'name', name: token.text, bracketed: false, start: token.start, end: token.end };
    }
    const open = this.take();
    const args = this.items(')', open, `${token.text}(`);
    const close = this.take();
    return { kind: 'call', name: token.text, nameEnd: token.end, args, start: token.start, end: close.end };
  }

  private group(): FormulaNode {
    const open = this.take();
    if (this.peek().kind === ')') this.fail('括号里缺少内容', { start: open.start, end: this.peek().end });
    const inner = this.expression(0);
    const close = this.peek();
    if (close.kind === ',') this.fail('逗号只能用在函数的参数之间：括号前是否缺少函数名？', close);
    if (close.kind !== ')') this.unclosed(open);
    this.take();
    return { ...inner, start: open.start, end: close.end };
  }

  private list(): FormulaNode {
    const open = this.take();
    const items = this.items('}', open, '{');
    const close = this.take();
    return { kind: 'list', items, start: open.start, end: close.end };
  }

  /** Comma-separated expressions up to the closing token (left for the caller to take). */
  private items(closing: ')' | '}', open: Token, what: string): FormulaNode[] {
    const items: FormulaNode[] = [];
    if (this.peek().kind === closing) return items;
    for (;;) {
      const next = this.peek();
      if (next.kind === ',' || next.kind === closing) this.fail(`${what} 中有一个参数是空的`, next);
      items.push(this.expression(0));
      const after = this.peek();
      if (after.kind === closing) return items;
      if (after.kind === ',') {
        this.take();
        continue;
      }
      if (after.kind === 'end' || (closing === '}' && after.kind === ')') || (closing === ')' && after.kind === '}')) {
        this.unclosed(open, closing);
      }
      this.fail(`参数之间缺少逗号，或缺少运算符`, after);
    }
  }

  private unclosed(open: Token, closing: ')' | '}' = ')'): never {
    this.fail(closing === ')' ? '缺少右括号“)”' : '缺少右花括号“}”', open);
  }
}
