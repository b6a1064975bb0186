// Parses an XLSForm expression's tokens into a syntax tree, XPath's precedence from loose to
// tight: or, and, = !=, < > <= >=, + -, * div mod, unary minus, then a value with an optional
// predicate ([…]). Syntax errors stop the parse with one message, in Chinese, at the offending
// token; XPath paths (/data/a, ../a, @attr, a | b) are refused by name, ${…} being the way to
// name a question.
import { MAX_FORMULA_NESTING, MAX_FORMULA_TOKENS } from '../../formula/parseFormula';
import type { FormulaError } from '../../formula/types';
import { XLS_PRECEDENCE, type XlsNode, type XlsOperator } from './xlsAst';
import { tokenizeXls, type XlsToken } from './tokenizeXls';

export type XlsParseResult = { ok: true; node: XlsNode } | { ok: false; error: FormulaError };

class SyntaxProblem extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message);
  }
}

const WORD_OPERATORS = new Set(['and', 'or', 'div', 'mod']);

function sizeProblem(tokens: XlsToken[]): FormulaError | null {
  if (tokens.length > MAX_FORMULA_TOKENS) {
    const at = tokens[MAX_FORMULA_TOKENS]!;
    return { message: `表达式太长：超过 ${MAX_FORMULA_TOKENS} 个部分，请拆成几个 calculate`, start: at.start, end: tokens[tokens.length - 1]!.end };
  }
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === '(' || token.kind === '[') depth += 1;
    else if (token.kind === ')' || token.kind === ']') depth -= 1;
    if (depth > MAX_FORMULA_NESTING) return { message: `表达式嵌套过深：括号超过 ${MAX_FORMULA_NESTING} 层`, start: token.start, end: token.end };
  }
  return null;
}

export function parseXls(source: string): XlsParseResult {
  if (source.trim() === '') return { ok: false, error: { message: '表达式是空的', start: 0, end: source.length } };
  const tokenized = tokenizeXls(source);
  if (!tokenized.ok) return tokenized;
  const tooBig = sizeProblem(tokenized.tokens);
  if (tooBig) return { ok: false, error: tooBig };
  try {
    return { ok: true, node: new XlsParser(source, tokenized.tokens).expression() };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { ok: false, error: e.error };
    throw e;
  }
}

class XlsParser {
  private at = 0;

  constructor(private readonly source: string, private readonly tokens: XlsToken[]) {}

  expression(): XlsNode {
    const node = this.binary(0);
    const next = this.peek();
    if (next.kind === ')') this.fail('多了一个右括号“)”', next);
    if (next.kind === ']') this.fail('多了一个右方括号“]”', next);
    if (next.kind === ',') this.fail('逗号只能用在函数的参数之间，如 concat(${A5}, ${A8})', next);
    if (next.kind !== 'end') {
      throw new SyntaxProblem({
        message: `多余的内容“${this.source.slice(next.start).trim()}”：前面是否缺少运算符（+ - * div = and or）？`,
        start: next.start,
        end: this.source.trimEnd().length,
      });
    }
    return node;
  }

  private peek(): XlsToken {
    return this.tokens[this.at]!;
  }

  private take(): XlsToken {
    return this.tokens[this.at++]!;
  }

  private fail(message: string, token: { start: number; end: number }): never {
    throw new SyntaxProblem({ message, start: token.start, end: token.end });
  }

  /** The binary operator at the current token, if one follows an operand. */
  private operator(): XlsOperator | null {
    const token = this.peek();
    if (token.kind === 'op') return token.text as XlsOperator;
    if (token.kind === 'name' && WORD_OPERATORS.has(token.text)) return token.text as XlsOperator;
    if (token.kind === 'name' && WORD_OPERATORS.has(token.text.toLowerCase())) this.fail(`运算符要小写：${token.text.toLowerCase()}`, token);
    return null;
  }

  private binary(minPrecedence: number): XlsNode {
    let left = this.unary();
    for (;;) {
      const op = this.operator();
      if (!op) return left;
      const precedence = XLS_PRECEDENCE[op];
      if (precedence <= minPrecedence) return left;
      const token = this.take();
      const next = this.peek();
      if (next.kind === 'end' || next.kind === ')' || next.kind === ']' || next.kind === ',') this.fail(`“${token.text}” 后面缺少数值`, token);
      const right = this.binary(precedence);
      const comparison = precedence === 3 || precedence === 4;
      if (comparison) {
        const after = this.operator();
        if (after && XLS_PRECEDENCE[after] === precedence) this.fail('比较不能连写，请用 and 把两个比较分开写，如 6 <= ${A16} and ${A16} <= 16', this.peek());
      }
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
  }

  private unary(): XlsNode {
    const token = this.peek();
    if (token.kind === 'op' && token.text === '-') {
      this.take();
      const next = this.peek();
      if (next.kind === 'end' || next.kind === ')' || next.kind === ',') this.fail('“-” 后面缺少数值', token);
      const operand = this.unary();
      return { kind: 'negate', operand, start: token.start, end: operand.end };
    }
    return this.postfix();
  }

  private postfix(): XlsNode {
    let node = this.primary();
    while (this.peek().kind === '[') {
      const open = this.take();
      if (this.peek().kind === ']') this.fail('方括号里缺少条件', { start: open.start, end: this.peek().end });
      const predicate = this.binary(0);
      const close = this.peek();
      if (close.kind !== ']') this.fail('缺少右方括号“]”', open);
      this.take();
      node = { kind: 'filter', base: node, predicate, start: node.start, end: close.end };
    }
    const next = this.peek();
    if (next.kind === 'path' || next.kind === '.') this.path(next, true);
    return node;
  }

  private path(token: XlsToken, afterValue = false): never {
    const following = this.tokens[this.at + 1];
    if (afterValue && token.text === '/' && following?.kind !== 'name') this.fail('除法请写成 div，如 ${A33} div ${A35}', token);
    const what = token.text === '|' ? '节点集合并“|”' : token.text === '@' ? '属性“@”' : `路径“${token.text}”`;
    this.fail(`不支持 XPath 的${what}：题目请写成 \${名称}，如 \${A28}`, token);
  }

  private primary(): XlsNode {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.take();
        return { kind: 'number', value: Number(token.text), start: token.start, end: token.end };
      case 'string':
        this.take();
        return { kind: 'string', value: token.text, start: token.start, end: token.end };
      case 'ref':
        this.take();
        return { kind: 'ref', name: token.text, start: token.start, end: token.end };
      case '.':
        this.take();
        return { kind: 'self', start: token.start, end: token.end };
      case 'name':
        return this.nameOrCall();
      case '(':
        return this.group();
      case 'path':
        return this.path(token);
      case 'end':
        return this.fail(this.at === 0 ? '表达式是空的' : '表达式不完整：最后缺少数值', token);
      default:
        return this.fail(`“${token.text}” 前面缺少数值`, token);
    }
  }

  private nameOrCall(): XlsNode {
    const token = this.take();
    if (this.peek().kind !== '(') {
      if (WORD_OPERATORS.has(token.text)) this.fail(`“${token.text}” 前面缺少数值`, token);
      return { kind: 'bare', name: token.text, start: token.start, end: token.end };
    }
    const open = this.take();
    const args: XlsNode[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        const next = this.peek();
        if (next.kind === ',' || next.kind === ')') this.fail(`${token.text}() 中有一个参数是空的`, next);
        args.push(this.binary(0));
        const after = this.peek();
        if (after.kind === ')') break;
        if (after.kind === ',') {
          this.take();
          continue;
        }
        if (after.kind === 'end' || after.kind === ']') this.fail('缺少右括号“)”', open);
        this.fail('参数之间缺少逗号，或缺少运算符', after);
      }
    }
    const close = this.take();
    return { kind: 'call', name: token.text, nameEnd: token.end, args, start: token.start, end: close.end };
  }

  private group(): XlsNode {
    const open = this.take();
    if (this.peek().kind === ')') this.fail('括号里缺少内容', { start: open.start, end: this.peek().end });
    const inner = this.binary(0);
    const close = this.peek();
    if (close.kind === ',') this.fail('逗号只能用在函数的参数之间：括号前是否缺少函数名？', close);
    if (close.kind !== ')') this.fail('缺少右括号“)”', open);
    this.take();
    return { ...inner, start: open.start, end: close.end };
  }
}
