// Reads JSON-Logic back into a formula's syntax tree, for the rules administrators already have:
// the shapes compileFormula writes and the seed forms' own ways of saying the same things
// ({"!": {"missing": ["A3"]}} is NOT(ISBLANK(A3)), {"some": [members, …]} is COUNTIF(…) > 0,
// {"substr": [x, 11]} compared with "" is LEN). A shape is read only where the formula means the
// same on well-typed data; anything else gives null. Where a value sits matters: a var with 0 as
// default reads the same as the plain var in arithmetic but not in an equality; inside a condition
// only truthiness counts, so {"missing": […]} may become OR(ISBLANK(…), …).
import { lookupTable } from '../ownValue';
import type { BinaryOperator, FormulaNode } from './ast';
import { argsOf, at, binary, BLANK, bool, call, isWhole, name, num, operatorOf, str } from './formulaNodes';
import { nameOfPath, type Named } from './nameOfPath';
import { cellOf, readCriteria } from './readCriteria';
import { tableOf, type TableRef } from './resolveName';
import type { FormulaScope } from './types';
import type { ValueInfo } from './valueInfo';

/**
 * truthy: only truthiness counts · value: the exact value counts · arith: operand of + * ROUND
 * (the compiler reads input amounts with 0) · loose: operand of - / MIN MAX MOD, where empty and 0
 * agree · rel: operand of < > <= >= (same) · eq: operand of = <> · container: what CONTAINS,
 * COUNT or SUM looks into.
 */
type Position = 'truthy' | 'value' | 'arith' | 'loose' | 'rel' | 'eq' | 'container';

const RELATIONAL = lookupTable<BinaryOperator>({ '<': '<', '>': '>', '<=': '<=', '>=': '>=' });

export class Decompiler {
  constructor(private readonly scope: FormulaScope) {}

  private nameOf(path: string): Named | null {
    return nameOfPath(path, this.scope);
  }

  private infoOf(named: Named): ValueInfo | null {
    return named.resolved.kind === 'value' ? named.resolved.ref.info : null;
  }

  /** A var as a formula name, where its default (if any) means what the formula would read. */
  private variable(node: unknown, position: Position): FormulaNode | null {
    const args = argsOf(node, 'var');
    const path = args[0];
    if (typeof path !== 'string' || args.length > 2) return null;
    const named = this.nameOf(path);
    if (!named) return null;
    const fallback = args.length === 2 ? args[1] : null;
    if (named.resolved.kind === 'table') {
      const emptyList = fallback === null || (Array.isArray(fallback) && fallback.length === 0);
      return position === 'container' && emptyList ? named.node : null;
    }
    if (named.resolved.kind !== 'value') return null;
    const ref = named.resolved.ref;
    const numeric = ref.info.type === 'number';
    if (fallback === 0) {
      if (!numeric || !['arith', 'loose', 'rel'].includes(position)) return null;
    } else if (Array.isArray(fallback) && fallback.length === 0) {
      if (ref.info.type !== 'list' || position !== 'container') return null;
    } else if (fallback !== null) {
      return null;
    } else if (position === 'arith' && numeric && !ref.computed) {
      return null; // the formula would read an empty amount as 0, this rule reads it as empty
    }
    return named.node;
  }

  /** A table var ({"var": "members"}, possibly with [] as default) and its columns. */
  private table(node: unknown): TableRef | null {
    if (operatorOf(node) !== 'var') return null;
    const args = argsOf(node, 'var');
    if (typeof args[0] !== 'string' || args.length > 2 || (args.length === 2 && !(Array.isArray(args[1]) && args[1].length === 0))) return null;
    const named = this.nameOf(args[0]);
    return named?.resolved.kind === 'table' ? tableOf(named.resolved.table.path, this.scope) : null;
  }

  private column(table: TableRef, column: unknown): FormulaNode | null {
    return typeof column === 'string' && table.columns.has(column) ? name(`${table.display}.${column}`) : null;
  }

  /** {"filter": [table, condition]} as [table, criteria]. */
  private filtered(node: unknown): { table: TableRef; criteria: FormulaNode[] } | null {
    if (operatorOf(node) !== 'filter') return null;
    const [list, condition] = argsOf(node, 'filter');
    const table = this.table(list);
    const criteria = table ? readCriteria(table, condition) : null;
    return table && criteria ? { table, criteria } : null;
  }

  private countIf(criteria: FormulaNode[]): FormulaNode {
    return call(criteria.length > 2 ? 'COUNTIFS' : 'COUNTIF', ...criteria);
  }

  /** The text source of substr: the compiler's {"cat": [x]} or x itself. */
  private textSource(node: unknown): { node: FormulaNode; plain: boolean } | null {
    if (typeof node === 'string') return { node: str(node), plain: false };
    if (operatorOf(node) === 'cat') {
      const args = argsOf(node, 'cat');
      const inner = args.length === 1 ? this.read(args[0], 'value') : null;
      return inner ? { node: inner, plain: false } : null;
    }
    const inner = this.read(node, 'value');
    return inner ? { node: inner, plain: true } : null;
  }

  /** {"==": [{"substr": [x, n]}, ""]}: the length of x is at most n ("!=": more than n). */
  private lengthTest(op: string, args: unknown[]): FormulaNode | null {
    const [tail, empty] = operatorOf(args[1]) === 'substr' ? [args[1], args[0]] : [args[0], args[1]];
    if (empty !== '' || operatorOf(tail) !== 'substr') return null;
    const [source, from, ...rest] = argsOf(tail, 'substr');
    if (rest.length > 0 || !isWhole(from)) return null;
    const text = this.textSource(source);
    // String(null) is "null": a plain empty value has 4 characters where the formula counts 0.
    if (!text || (text.plain && from < 4)) return null;
    const same = op === '==' || op === '===';
    return binary(same ? '<=' : '>', call('LEN', text.node), num(from));
  }

  private blank(node: unknown, negated: boolean): FormulaNode | null {
    const inner = this.read(node, 'value');
    if (!inner) return null;
    const test = call('ISBLANK', inner);
    return negated ? call('NOT', test) : test;
  }

  private missingPaths(node: unknown): string[] | null {
    if (operatorOf(node) !== 'missing') return null;
    let paths = argsOf(node, 'missing');
    if (Array.isArray(paths[0])) paths = paths[0];
    return paths.length > 0 && paths.every((p) => typeof p === 'string') ? (paths as string[]) : null;
  }

  /** ISBLANK of each path (negated: NOT(ISBLANK)), null when a path is not a value the formula names. */
  private blankPaths(paths: string[], negated: boolean): FormulaNode[] | null {
    const tests: FormulaNode[] = [];
    for (const path of paths) {
      const named = this.nameOf(path);
      if (named?.resolved.kind !== 'value') return null;
      tests.push(negated ? call('NOT', call('ISBLANK', named.node)) : call('ISBLANK', named.node));
    }
    return tests;
  }

  private typeOfVar(node: unknown): ValueInfo | null {
    if (operatorOf(node) !== 'var') return null;
    const args = argsOf(node, 'var');
    if (typeof args[0] !== 'string' || args.length !== 1) return null;
    const named = this.nameOf(args[0]);
    return named ? this.infoOf(named) : null;
  }

  /** A number is truthy when filled and not 0 (negated: blank or 0). */
  private nonZero(arg: unknown, negated: boolean): FormulaNode | null {
    const value = this.variable(arg, 'eq');
    if (!value) return null;
    return negated
      ? call('OR', call('ISBLANK', value), binary('=', value, num(0)))
      : call('AND', call('NOT', call('ISBLANK', value)), binary('<>', value, num(0)));
  }

  private not(arg: unknown): FormulaNode | null {
    const info = this.typeOfVar(arg);
    if (info) {
      if (info.type === 'string' || info.type === 'date' || info.type === 'list') return this.blank(arg, false);
      if (info.type === 'boolean') return call('NOT', this.read(arg, 'truthy')!);
      return info.type === 'number' ? this.nonZero(arg, true) : null;
    }
    const paths = this.missingPaths(arg);
    if (paths) {
      const tests = this.blankPaths(paths, true);
      return tests ? (tests.length === 1 ? tests[0]! : call('AND', ...tests)) : null;
    }
    const inner = this.read(arg, 'truthy');
    return inner ? call('NOT', inner) : null;
  }

  private notNot(arg: unknown, position: Position): FormulaNode | null {
    const info = this.typeOfVar(arg);
    if (info) {
      if (info.type === 'string' || info.type === 'date' || info.type === 'list') return this.blank(arg, true);
      if (info.type === 'boolean') return position === 'truthy' ? this.read(arg, 'truthy') : binary('=', this.read(arg, 'eq')!, bool(true));
      return info.type === 'number' ? this.nonZero(arg, false) : null;
    }
    const paths = this.missingPaths(arg);
    if (paths) {
      const tests = this.blankPaths(paths, false);
      return tests ? (tests.length === 1 ? tests[0]! : call('OR', ...tests)) : null;
    }
    const op = operatorOf(arg);
    if (op === 'idGender' || op === 'idBirthDate' || op === 'cat' || op === 'substr') return this.blank(arg, true);
    const strictlyBoolean = op !== null && ['==', '===', '!=', '!==', '<', '>', '<=', '>=', '!', '!!', 'in', 'some', 'none', 'all'].includes(op);
    return strictlyBoolean || position === 'truthy' ? this.read(arg, position) : null;
  }

  private compare(op: string, args: unknown[]): FormulaNode | null {
    if (args.length === 3 && (op === '<' || op === '<=')) {
      const operands = args.map((a) => this.read(a, 'rel'));
      if (operands.some((o) => !o)) return null;
      return { kind: 'between', ops: [op, op], operands: operands as [FormulaNode, FormulaNode, FormulaNode], ...at };
    }
    if (args.length !== 2) return null;
    const equality = op === '==' || op === '===' || op === '!=' || op === '!==';
    if (equality) {
      const length = this.lengthTest(op, args);
      if (length) return length;
      if (args[0] === null || args[1] === null) {
        const other = args[0] === null ? args[1] : args[0];
        if (other === null) return null;
        return this.blank(other, op === '!=' || op === '!==');
      }
    }
    const left = this.read(args[0], equality ? 'eq' : 'rel');
    const right = this.read(args[1], equality ? 'eq' : 'rel');
    if (!left || !right) return null;
    const label = (side: FormulaNode, other: unknown) => this.optionLabel(side, other);
    const operator: BinaryOperator = equality ? (op === '==' || op === '===' ? '=' : '<>') : RELATIONAL[op]!;
    return binary(operator, label(left, args[1]), label(right, args[0]));
  }

  /** A coded option compared with a field is written as its label ("1" → "新生儿"). */
  private optionLabel(side: FormulaNode, other: unknown): FormulaNode {
    if (side.kind !== 'string') return side;
    const info = this.typeOfVar(other);
    const option = info?.options?.find((o) => o.value === side.value);
    if (!option || option.label === side.value || info!.options!.some((o) => o.value === option.label)) return side;
    return str(option.label);
  }

  private ifChain(args: unknown[], position: Position): FormulaNode | null {
    if (args.length < 2) return null;
    const branch = position === 'truthy' ? 'truthy' : 'value';
    if (args.length % 2 === 0) {
      // No value when no condition holds: IFS, as the compiler writes it.
      const parts = args.map((a, i) => this.read(a, i % 2 === 0 ? 'truthy' : branch));
      return parts.every(Boolean) ? call('IFS', ...(parts as FormulaNode[])) : null;
    }
    let tail: FormulaNode | null = this.read(args[args.length - 1], branch);
    for (let i = args.length - 3; i >= 0 && tail; i -= 2) {
      const condition = this.read(args[i], 'truthy');
      const then = this.read(args[i + 1], branch);
      tail = condition && then ? call('IF', condition, then, tail) : null;
    }
    return tail;
  }

  private contains(item: unknown, container: unknown): FormulaNode | null {
    const needle = this.read(item, 'value');
    if (!needle) return null;
    if (Array.isArray(container)) {
      const items = container.map((c) => this.read(c, 'value'));
      return items.every(Boolean) ? call('CONTAINS', { kind: 'list', items: items as FormulaNode[], ...at }, needle) : null;
    }
    const hay = this.read(container, 'container');
    return hay ? call('CONTAINS', hay, needle) : null;
  }

  private substr(args: unknown[]): FormulaNode | null {
    const [source, from, count] = args;
    const text = this.textSource(source);
    if (!text) return null;
    if (args.length === 2 && isWhole(-(from as number), 1) && !text.plain) return call('RIGHT', text.node, num(-(from as number)));
    if (args.length !== 3 || !isWhole(from) || !isWhole(count)) return null;
    if (text.plain && from < 4) return null; // "null".substr(…) of an empty value: the formula reads ""
    return from === 0 ? call('LEFT', text.node, num(count)) : call('MID', text.node, num(from + 1), num(count));
  }

  read(logic: unknown, position: Position): FormulaNode | null {
    if (typeof logic === 'number') return Number.isFinite(logic) ? num(logic) : null;
    if (typeof logic === 'string') return logic === '' ? null : str(logic);
    if (typeof logic === 'boolean') return bool(logic);
    if (logic === null) return position === 'value' || position === 'truthy' ? BLANK : null;
    if (Array.isArray(logic)) {
      const items = logic.map((item) => this.read(item, 'value'));
      return items.every(Boolean) ? { kind: 'list', items: items as FormulaNode[], ...at } : null;
    }
    const op = operatorOf(logic);
    if (op === null) return null;
    const args = argsOf(logic, op);
    switch (op) {
      case 'var': {
        const info = this.typeOfVar(logic);
        if (position === 'truthy' && info && info.type !== 'boolean') return info.type === 'number' ? this.nonZero(logic, false) : this.blank(logic, true);
        return this.variable(logic, position);
      }
      case '+': case '*': {
        const operands = args.map((a) => this.read(a, 'arith'));
        if (operands.length === 0 || operands.some((o) => !o)) return null;
        if (operands.length === 1) return op === '+' ? call('SUM', operands[0]!) : null;
        return (operands as FormulaNode[]).reduce((left, right) => binary(op, left, right));
      }
      case '-': case '/': case '%': {
        const operands = args.map((a) => this.read(a, 'loose'));
        if (operands.some((o) => !o)) return null;
        if (op === '-' && operands.length === 1) return { kind: 'negate', operand: operands[0]!, ...at };
        if (operands.length !== 2) return null;
        return op === '%' ? call('MOD', operands[0]!, operands[1]!) : binary(op, operands[0]!, operands[1]!);
      }
      case 'min': case 'max': {
        const [a, b] = args;
        if (op === 'max' && args.length === 2 && operatorOf(b) === '-' && JSON.stringify(argsOf(b, '-')) === JSON.stringify([a])) {
          const operand = this.read(a, 'arith');
          return operand ? call('ABS', operand) : null;
        }
        const operands = args.map((x) => this.read(x, 'loose'));
        return operands.length > 0 && operands.every(Boolean) ? call(op.toUpperCase(), ...(operands as FormulaNode[])) : null;
      }
      case 'round': {
        const value = this.read(args[0], 'arith');
        if (!value || args.length > 2) return null;
        if (args.length === 1) return call('ROUND', value);
        return isWhole(args[1]) && args[1] <= 6 ? call('ROUND', value, num(args[1])) : null;
      }
      case '==': case '===': case '!=': case '!==': case '<': case '>': case '<=': case '>=':
        return this.compare(op, args);
      case 'and': case 'or': {
        const parts = args.map((a) => this.read(a, position === 'truthy' ? 'truthy' : 'value'));
        if (parts.length === 0 || !parts.every(Boolean)) return null;
        const fn = op.toUpperCase();
        // AND(AND(a, b), c) is AND(a, b, c): the seeds' {"!": {"missing": [a, b]}} inside an and.
        const flat = (parts as FormulaNode[]).flatMap((p) => (p.kind === 'call' && p.name === fn ? p.args : [p]));
        return call(fn, ...flat);
      }
      case '!':
        return args.length === 1 ? this.not(args[0]) : null;
      case '!!':
        return args.length === 1 ? this.notNot(args[0], position) : null;
      case 'missing': {
        const paths = this.missingPaths(logic);
        const tests = paths && position === 'truthy' ? this.blankPaths(paths, false) : null;
        return tests ? (tests.length === 1 ? tests[0]! : call('OR', ...tests)) : null;
      }
      case 'if': case '?:':
        return this.ifChain(args, position);
      case 'in':
        return args.length === 2 ? this.contains(args[0], args[1]) : null;
      case 'cat': {
        const parts = args.map((a) => (a === '' ? null : this.read(a, 'value')));
        if (parts.length === 0 || parts.some((p) => !p)) return null;
        if (parts.length === 1) return call('CONCAT', parts[0]!);
        return (parts as FormulaNode[]).reduce((left, right) => binary('&', left, right));
      }
      case 'substr':
        return this.substr(args);
      case 'sum': {
        if (args.length !== 2) return null;
        const table = this.table(args[0]);
        if (table) return this.column(table, args[1]) && call('SUM', this.column(table, args[1])!);
        const filtered = this.filtered(args[0]);
        const summed = filtered ? this.column(filtered.table, args[1]) : null;
        return filtered && summed && filtered.criteria.length === 2 ? call('SUMIF', ...filtered.criteria, summed) : null;
      }
      case 'count': {
        if (args.length !== 1) return null;
        const filtered = this.filtered(args[0]);
        if (filtered) return this.countIf(filtered.criteria);
        const list = this.read(args[0], 'container');
        return list ? call('COUNT', list) : null;
      }
      case 'some': case 'none': {
        const table = args.length === 2 ? this.table(args[0]) : null;
        const criteria = table ? readCriteria(table, args[1]) : null;
        return criteria ? binary(op === 'some' ? '>' : '=', this.countIf(criteria), num(0)) : null;
      }
      case 'map': {
        const table = args.length === 2 ? this.table(args[0]) : null;
        const column = table ? cellOf(table, args[1]) : null;
        return table && column && position === 'container' ? this.column(table, column) : null;
      }
      case 'duplicates': {
        const table = args.length === 2 ? this.table(args[0]) : null;
        const column = table ? this.column(table, args[1]) : null;
        return column ? call('DUPLICATES', column) : null;
      }
      case 'monthsBetween': case 'daysBetween': case 'ageAt': {
        const parts = args.map((a) => this.read(a, 'value'));
        const fn = { monthsBetween: 'MONTHS', daysBetween: 'DAYS', ageAt: 'AGE' }[op];
        return parts.length === 2 && parts.every(Boolean) ? call(fn, ...(parts as FormulaNode[])) : null;
      }
      case 'idGender': case 'idBirthDate': {
        const id = args.length === 1 ? this.read(args[0], 'value') : null;
        return id ? call(op === 'idGender' ? 'GENDER' : 'BIRTHDATE', id) : null;
      }
      default:
        return null;
    }
  }
}
