// Writes a formula's syntax tree (as the Decompiler reads it from JSON-Logic) as an XLSForm
// expression, with the parentheses XPath's precedence needs: AND/OR as and/or, ISBLANK(x) as
// x = '', CONTAINS as selected() / contains() / an or of equalities, COUNTIF as
// count(${members}[…]), MID/LEFT as substr(), & as concat(), this product's functions by their
// XLSForm-style names. Null where XLSForm has no way to say it (SUMIF, RIGHT, a list standing
// alone, text holding both kinds of quote…).
import { checkFormula } from '../../formula/checkFormula';
import type { FormulaNode } from '../../formula/ast';
import { printFormula } from '../../formula/printFormula';
import { fitLiteral } from '../../formula/fitLiteral';
import type { FormulaScope } from '../../formula/types';
import type { Typed } from '../../formula/typed';
import { xlsNameOf } from './xlsNames';

/** XPath's binding strengths: or 1, and 2, = != 3, < > 4, + - 5, * div mod 6, unary 7, values 8. */
interface Printed {
  text: string;
  level: number;
}

const VALUE = 8;
const COMPARISONS: Record<string, [string, number]> = { '=': ['=', 3], '<>': ['!=', 3], '<': ['<', 4], '>': ['>', 4], '<=': ['<=', 4], '>=': ['>=', 4] };
const CRITERION = /^(<=|>=|<>|<|>|=)(.*)$/s;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const RENAMED: Record<string, string> = {
  MIN: 'min', MAX: 'max', ABS: 'abs', MONTHS: 'months-between', DAYS: 'days-between', AGE: 'age-at',
  GENDER: 'id-gender', BIRTHDATE: 'id-birth-date', DUPLICATES: 'duplicates', CONCAT: 'concat', CONCATENATE: 'concat',
};

export function quoteXls(text: string): string | null {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  return null;
}

function numberText(value: number): string | null {
  const text = String(value);
  return Number.isFinite(value) && !/e/i.test(text) ? text : null;
}

export class XlsPrinter {
  constructor(private readonly scope: FormulaScope, private readonly self?: string) {}

  private typed(node: FormulaNode): Typed {
    return checkFormula(node, this.scope, printFormula(node)).typed;
  }

  private wrap(node: FormulaNode, min: number): string | null {
    const printed = this.print(node);
    if (!printed) return null;
    return printed.level < min ? `(${printed.text})` : printed.text;
  }

  private join(nodes: FormulaNode[], separator: string, min: number): string | null {
    const parts = nodes.map((n) => this.wrap(n, min));
    return parts.every((p) => p !== null) ? parts.join(separator) : null;
  }

  private fn(name: string, args: FormulaNode[]): Printed | null {
    const text = this.join(args, ', ', 0);
    return text === null ? null : { text: `${name}(${text})`, level: VALUE };
  }

  private infix(op: string, level: number, left: FormulaNode, right: FormulaNode, leftMin = level, rightMin = level + 1): Printed | null {
    const l = this.wrap(left, leftMin);
    const r = this.wrap(right, rightMin);
    return l === null || r === null ? null : { text: `${l} ${op} ${r}`, level };
  }

  /** A constant compared with a question: a yes/no as 'yes'/'no', an option by its stored value. */
  private constantFor(side: FormulaNode, other: FormulaNode): Printed | null {
    const info = other.kind === 'name' ? this.typed(other).info : null;
    if (side.kind === 'boolean' && info?.type === 'boolean') return { text: side.value ? "'yes'" : "'no'", level: VALUE };
    if (side.kind === 'string' && info?.options) {
      const fitted = fitLiteral(side.value, info, '');
      const text = quoteXls(fitted.ok ? String(fitted.value) : side.value);
      return text === null ? null : { text, level: VALUE };
    }
    return this.print(side);
  }

  private comparison(node: FormulaNode & { kind: 'binary' }): Printed | null {
    const [op, level] = COMPARISONS[node.op]!;
    const side = (a: FormulaNode, b: FormulaNode) => {
      const printed = this.constantFor(a, b);
      return printed && (printed.level <= level ? `(${printed.text})` : printed.text);
    };
    const l = side(node.left, node.right);
    const r = side(node.right, node.left);
    return l === null || r === null ? null : { text: `${l} ${op} ${r}`, level };
  }

  /** COUNTIF(members.A8, "户主") as count(${members}[A8 = '户主']). */
  private countIf(args: FormulaNode[]): Printed | null {
    let table: string | null = null;
    const parts: string[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) {
      const column = this.typed(args[i]!);
      const criterion = args[i + 1]!;
      if (column.type !== 'column' || !column.table || !column.column) return null;
      const rows = xlsNameOf(column.table.display, false, this.scope);
      if (!rows || (table !== null && rows !== table)) return null;
      table = rows;
      const part = this.criterion(column, criterion);
      if (part === null) return null;
      parts.push(part);
    }
    return table === null ? null : { text: `count(${table}[${parts.join(' and ')}])`, level: VALUE };
  }

  private criterion(column: Typed, criterion: FormulaNode): string | null {
    const cell = column.column!;
    const boolean = column.info.type === 'boolean';
    const constant = (value: string | number | boolean): string | null => {
      if (typeof value === 'boolean') return boolean ? (value ? "'yes'" : "'no'") : value ? 'true()' : 'false()';
      if (typeof value === 'number') return numberText(value);
      if (boolean && (value === '是' || value === '否')) return value === '是' ? "'yes'" : "'no'";
      if (column.info.type === 'number' && !column.info.options && NUMERIC.test(value)) return value;
      return quoteXls(value);
    };
    if (criterion.kind === 'number' || criterion.kind === 'boolean') {
      const c = constant(criterion.value);
      return c === null ? null : `${cell} = ${c}`;
    }
    if (criterion.kind === 'negate' && criterion.operand.kind === 'number') return `${cell} = ${numberText(-criterion.operand.value)}`;
    if (criterion.kind !== 'string') return null;
    const match = CRITERION.exec(criterion.value);
    if (!match) return `${cell} = ${quoteXls(criterion.value) ?? ''}`.endsWith(' = ') ? null : `${cell} = ${quoteXls(criterion.value)}`;
    const op = match[1] === '<>' ? '!=' : match[1]!;
    const rest = match[2]!.trim();
    if (rest === '') return op === '=' || op === '!=' ? `${cell} ${op} ''` : null;
    const c = constant(rest);
    return c === null ? null : `${cell} ${op} ${c}`;
  }

  private contains(container: FormulaNode, item: FormulaNode): Printed | null {
    if (container.kind === 'list') {
      const parts = container.items.map((entry) => this.comparison({ kind: 'binary', op: '=', left: item, right: entry, start: 0, end: 0 }));
      if (parts.some((p) => p === null)) return null;
      return parts.length === 1 ? parts[0]! : { text: parts.map((p) => p!.text).join(' or '), level: 1 };
    }
    const type = this.typed(container).type;
    const value = item.kind === 'string' ? { text: quoteXls(item.value), level: VALUE } : this.print(item);
    const holder = this.print(container);
    if (!value?.text || !holder) return null;
    const fn = type === 'list' || type === 'column' ? 'selected' : type === 'string' || type === 'date' ? 'contains' : null;
    return fn && { text: `${fn}(${holder.text}, ${value.text})`, level: VALUE };
  }

  private call(node: FormulaNode & { kind: 'call' }): Printed | null {
    const args = node.args;
    const fn = node.name.toUpperCase();
    switch (fn) {
      case 'AND': case 'OR': {
        if (args.length === 1) return this.print(args[0]!);
        const level = fn === 'AND' ? 2 : 1;
        // and/or are associative: a nested and (a between) needs no parentheses inside an and.
        const text = this.join(args, ` ${fn.toLowerCase()} `, 2);
        return text === null ? null : { text, level };
      }
      case 'NOT': {
        const inner = args[0]!;
        if (inner.kind === 'call' && ['ISBLANK', 'ISEMPTY'].includes(inner.name.toUpperCase())) {
          const value = this.wrap(inner.args[0]!, 4);
          return value === null ? null : { text: `${value} != ''`, level: 3 };
        }
        return this.fn('not', args);
      }
      case 'ISBLANK': case 'ISEMPTY': {
        const value = this.wrap(args[0]!, 4);
        return value === null ? null : { text: `${value} = ''`, level: 3 };
      }
      case 'IF': return this.fn('if', args);
      case 'IFS': {
        let tail: FormulaNode = { kind: 'string', value: '', start: 0, end: 0 };
        for (let i = args.length - 2; i >= 0; i -= 2) tail = { kind: 'call', name: 'IF', nameEnd: 0, args: [args[i]!, args[i + 1]!, tail], start: 0, end: 0 };
        return this.print(tail);
      }
      case 'SUM': {
        const parts = args.map((a) => (this.typed(a).type === 'column' ? this.fn('sum', [a]) : this.print(a)));
        if (parts.some((p) => !p) || (args.length === 1 && this.typed(args[0]!).type !== 'column')) return null;
        if (parts.length === 1) return parts[0]!;
        return { text: parts.map((p) => (p!.level <= 5 ? `(${p!.text})` : p!.text)).join(' + '), level: 5 };
      }
      case 'COUNT': return this.typed(args[0]!).type === 'table' ? this.fn('count', args) : this.fn('count-selected', args);
      case 'COUNTIF': case 'COUNTIFS': return this.countIf(args);
      case 'ROUND': return args.length === 1 ? this.fn('round', [args[0]!, { kind: 'number', value: 0, start: 0, end: 0 }]) : this.fn('round', args);
      case 'MOD': return this.infix('mod', 6, args[0]!, args[1]!, 6, 7);
      case 'LEN': return this.fn('string-length', args);
      case 'CONTAINS': return this.contains(args[0]!, args[1]!);
      case 'LEFT': case 'MID': {
        const [from, count] = fn === 'LEFT' ? [0, args[1]?.kind === 'number' ? args[1].value : 1] : [args[1]?.kind === 'number' ? args[1].value - 1 : -1, args[2]?.kind === 'number' ? args[2].value : -1];
        if (from < 0 || count < 0) return null;
        const text = this.wrap(args[0]!, 0);
        return text === null ? null : { text: `substr(${text}, ${from}, ${from + count})`, level: VALUE };
      }
      default: {
        const renamed = RENAMED[fn];
        return renamed ? this.fn(renamed, args) : null;
      }
    }
  }

  /** A & B & C as concat(A, B, C). */
  private concatParts(node: FormulaNode): FormulaNode[] {
    return node.kind === 'binary' && node.op === '&' ? [...this.concatParts(node.left), ...this.concatParts(node.right)] : [node];
  }

  print(node: FormulaNode): Printed | null {
    switch (node.kind) {
      case 'number': {
        const text = numberText(node.value);
        return text === null ? null : { text, level: VALUE };
      }
      case 'string': {
        const text = quoteXls(node.value);
        return text === null ? null : { text, level: VALUE };
      }
      case 'boolean':
        return { text: node.value ? 'true()' : 'false()', level: VALUE };
      case 'name': {
        const text = xlsNameOf(node.name, node.bracketed, this.scope, this.self);
        return text === null ? null : { text, level: VALUE };
      }
      case 'list':
        return null;
      case 'negate': {
        const text = this.wrap(node.operand, 7);
        return text === null ? null : { text: `-${text}`, level: 7 };
      }
      case 'percent':
        return this.infix('div', 6, node.operand, { kind: 'number', value: 100, start: 0, end: 0 });
      case 'between': {
        const [a, b, c] = node.operands;
        const first = this.infix(node.ops[0], 4, a, b, 5, 5);
        const second = this.infix(node.ops[1], 4, b, c, 5, 5);
        return first && second && { text: `${first.text} and ${second.text}`, level: 2 };
      }
      case 'call':
        return this.call(node);
      case 'binary': {
        if (COMPARISONS[node.op]) return this.comparison(node);
        if (node.op === '&') return this.fn('concat', this.concatParts(node));
        // x - MOD(x, 1) is int(x).
        const right = node.right;
        if (node.op === '-' && right.kind === 'call' && right.name.toUpperCase() === 'MOD' && right.args[1]?.kind === 'number' && right.args[1].value === 1
          && printFormula(right.args[0]!) === printFormula(node.left)) return this.fn('int', [node.left]);
        const op = node.op === '/' ? 'div' : node.op;
        const level = op === '+' || op === '-' ? 5 : 6;
        return this.infix(op, level, node.left, node.right);
      }
    }
  }
}
