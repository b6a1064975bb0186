// Parses an XLSForm expression's tokens into a syntax tree, XPath's precedence from loose to
// tight: or, and, = !=, < > <= >=, + -, * div mod, unary minus, then a value with an optional
// predicate ([…]). Syntax errors stop the parse with one message, in Chinese, at the offending
// token; XPath paths (/data/a, ../a, @attr, a | b) are refused by name, ${…} being the way to
// name a question.
import { parseSource, TokenCursor, type Language, type NodeResult } from '../../formula/parsing';
import { XLS_PRECEDENCE, type XlsNode, type XlsOperator } from './xlsAst';
import { tokenizeXls, type XlsToken } from './tokenizeXls';

export type XlsParseResult = NodeResult<XlsNode>;

const WORD_OPERATORS = new Set(['and', 'or', 'div', 'mod']);

const XLS_EXPRESSION: Language = { noun: '表达式', splitInto: ' calculate', opens: ['(', '['], closes: [')', ']'] };

export function parseXls(source: string): XlsParseResult {
  return parseSource(source, XLS_EXPRESSION, tokenizeXls, (tokens) => new XlsParser(source, tokens).expression());
}

class XlsParser extends TokenCursor<XlsToken> {
  expression(): XlsNode {
    const node = this.binary(0);
    const next = this.peek();
    if (next.kind === ')') this.fail('多了一个右括号“)”', next);
    if (next.kind === ']') this.fail('多了一个右方括号“]”', next);
    if (next.kind === ',') this.fail('逗号只能用在函数的参数之间，如 concat(${A5}, ${A8})', next);
    if (next.kind !== 'end') {
      this.leftOver(next, '+ - * div = and or');
    }
    return node;
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
