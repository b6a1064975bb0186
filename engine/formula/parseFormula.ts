// Parses a formula's tokens into a syntax tree by precedence climbing, Excel's order from loose to
// tight: comparisons (= <> < > <= >=), & (joining text), + -, * /, unary minus, postfix %.
// Syntax errors stop the parse with one precise message at the offending token: a missing
// operand, an unclosed or extra parenthesis, text left over, an unsupported ^.
import { COMPARISONS, precedenceOf, type BinaryOperator, type FormulaNode } from './ast';
import { lookupTable } from '../ownValue';
import { parseSource, TokenCursor, type Language, type NodeResult } from './parsing';
import { tokenize, type Token } from './tokenize';

export { MAX_FORMULA_NESTING, MAX_FORMULA_TOKENS } from './parsing';

export type ParseResult = NodeResult<FormulaNode>;

const KEYWORDS = lookupTable<boolean>({ TRUE: true, FALSE: false, '是': true, '否': false });

const FORMULA: Language = { noun: '公式', splitInto: '计算字段', opens: ['(', '{'], closes: [')', '}'] };

export function parseFormula(source: string): ParseResult {
  return parseSource(source, FORMULA, tokenize, (tokens) => new Parser(source, tokens).formula());
}

class Parser extends TokenCursor<Token> {
  formula(): FormulaNode {
    const node = this.expression(0);
    const next = this.peek();
    if (next.kind === ')') this.fail('多了一个右括号“)”', next);
    if (next.kind === ',') this.fail('逗号只能用在函数的参数之间，如 SUM(A28, A29)', next);
    if (next.kind !== 'end') {
      this.leftOver(next, '+ - * / & =');
    }
    return node;
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
