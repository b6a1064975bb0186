// Writes a syntax tree back out as formula text, with the parentheses precedence needs and no
// others: "A28 + A29 - (A30 - A31)", "IF(A34 < 收入线, 是, 否)".
import { COMPARISONS, precedenceOf, type FormulaNode } from './ast';

const TIGHT = 5;

function strength(node: FormulaNode): number {
  if (node.kind === 'binary') return precedenceOf(node.op);
  if (node.kind === 'between') return 1;
  if (node.kind === 'negate' || node.kind === 'percent') return TIGHT;
  return TIGHT + 1;
}

function wrap(node: FormulaNode, needs: boolean): string {
  const text = printFormula(node);
  return needs ? `(${text})` : text;
}

export function printFormula(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return `"${node.value.replace(/"/g, '""')}"`;
    case 'boolean':
      return node.value ? '是' : '否';
    case 'name':
      return node.bracketed ? `[${node.name}]` : node.name;
    case 'call':
      return `${node.name}(${node.args.map(printFormula).join(', ')})`;
    case 'list':
      return `{${node.items.map(printFormula).join(', ')}}`;
    case 'negate':
      return `-${wrap(node.operand, strength(node.operand) < TIGHT)}`;
    case 'percent':
      return `${wrap(node.operand, strength(node.operand) <= TIGHT)}%`;
    case 'between':
      return `${wrap(node.operands[0], strength(node.operands[0]) <= 1)} ${node.ops[0]} ${wrap(node.operands[1], strength(node.operands[1]) <= 1)} ${node.ops[1]} ${wrap(node.operands[2], strength(node.operands[2]) <= 1)}`;
    case 'binary': {
      const own = precedenceOf(node.op);
      // Left-associative: a left operand of equal strength needs no parentheses, except
      // comparisons, which do not chain; a right operand of equal strength always does.
      const left = wrap(node.left, strength(node.left) < own || (COMPARISONS.has(node.op) && strength(node.left) === own));
      const right = wrap(node.right, strength(node.right) <= own);
      return `${left} ${node.op} ${right}`;
    }
  }
}
