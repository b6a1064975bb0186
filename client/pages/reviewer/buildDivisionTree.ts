// The reviewer's area as a tree (county > township > village) built from GET /api/divisions,
// which lists the divisions in the user's scope and their ancestors: the tree starts at the
// user's own scope codes (an administrator's at the top divisions), children in code order.
import type { Division, Role } from '../../api/types';

export interface DivisionNode {
  code: string;
  name: string;
  children: DivisionNode[];
}

export function buildDivisionTree(divisions: Division[], scope: string[], role: Role): DivisionNode[] {
  const nodes = new Map<string, DivisionNode>();
  for (const d of [...divisions].sort((a, b) => (a.code < b.code ? -1 : 1))) nodes.set(d.code, { code: d.code, name: d.name, children: [] });
  for (const d of divisions) {
    if (d.parentCode && nodes.has(d.parentCode) && d.parentCode !== d.code) nodes.get(d.parentCode)!.children.push(nodes.get(d.code)!);
  }
  for (const node of nodes.values()) node.children.sort((a, b) => (a.code < b.code ? -1 : 1));
  if (role === 'admin') return [...nodes.values()].filter((n) => !divisions.some((d) => d.code === n.code && d.parentCode && nodes.has(d.parentCode)));
  return scope.map((code) => nodes.get(code)).filter((n): n is DivisionNode => n !== undefined);
}

/** Per node, the sum of the counts of the divisions under it (the counts come per village). */
export function countsUnder(counts: { divisionCode: string; count: number }[], codes: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const code of codes) out.set(code, counts.reduce((sum, c) => sum + (c.divisionCode.startsWith(code) ? c.count : 0), 0));
  return out;
}

/** Every code of a tree, depth first. */
export function codesOf(roots: DivisionNode[]): string[] {
  return roots.flatMap((r) => [r.code, ...codesOf(r.children)]);
}

/** The names of a code and its ancestors in the tree, outermost first. */
export function pathOf(roots: DivisionNode[], code: string): DivisionNode[] {
  for (const root of roots) {
    if (root.code === code) return [root];
    if (code.startsWith(root.code)) {
      const below = pathOf(root.children, code);
      if (below.length) return [root, ...below];
    }
  }
  return [];
}
