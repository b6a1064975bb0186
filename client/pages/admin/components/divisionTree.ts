// The division list (GET /api/divisions) as a tree by parent code, and a division's name with
// its ancestors ("临江镇 高滩村"), for the pickers and the lists that show a scope. Pure.
import type { Division } from '../../../api/types';

export interface DivisionNode {
  division: Division;
  children: DivisionNode[];
}

export function buildDivisionTree(items: Division[]): DivisionNode[] {
  const nodes = new Map(items.map((d) => [d.code, { division: d, children: [] as DivisionNode[] }]));
  const roots: DivisionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.division.parentCode ? nodes.get(node.division.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: DivisionNode[]) => {
    list.sort((a, b) => a.division.code.localeCompare(b.division.code));
    list.forEach((n) => { sort(n.children); });
  };
  sort(roots);
  return roots;
}

/** "永川区 临江镇 高滩村", or the code itself when unknown. */
export function divisionPath(code: string, items: Division[]): string {
  const byCode = new Map(items.map((d) => [d.code, d]));
  const names: string[] = [];
  for (let d = byCode.get(code); d; d = d.parentCode ? byCode.get(d.parentCode) : undefined) names.unshift(d.name);
  return names.length > 0 ? names.join(' ') : code;
}

/** A scope without codes already covered by another (a village under a chosen township). */
export function withoutCovered(codes: string[]): string[] {
  return codes.filter((c) => !codes.some((other) => other !== c && c.startsWith(other)));
}
