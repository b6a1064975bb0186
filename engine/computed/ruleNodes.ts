// The values an evaluation produces, one node per field that has a computed value or a
// visibility condition (sections lend theirs to each of their fields). A node reads fields;
// `orderNodes` puts every node after the nodes it reads, or names a cycle.
import { collectVarRefs } from '../rules/collectVarRefs';
import type { FieldIndex } from '../schema/fieldIndex';
import type { FormDefinition } from '../types';

export interface NodeRule {
  /** JSON Pointer of the rule inside the definition, for problems and tracing. */
  pointer: string;
  rule: unknown;
}

export interface RuleNode {
  key: string;
  table: string | null;
  computed: NodeRule | null;
  visibility: NodeRule[];
  /** Field keys read by this node's rules (already mapped to indexed keys). */
  reads: Set<string>;
}

/** The field key a root var path depends on, or null for context ($params, $household, ...). */
export function dependencyKeyOf(path: string, ruleTable: string | null, index: FieldIndex): string | null {
  if (path.startsWith('$row.') && ruleTable) return `${ruleTable}.${path.slice(5).split('.')[0]}`;
  if (path.startsWith('$') || path === '') return null;
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  for (let n = segments.length; n > 0; n--) {
    const key = segments.slice(0, n).join('.');
    if (index.fields.has(key)) return key;
  }
  return null;
}

/** Field keys a rule reads at its root, mapped onto the index. */
export function readsOf(rule: unknown, ruleTable: string | null, index: FieldIndex): Set<string> {
  const reads = new Set<string>();
  for (const ref of collectVarRefs(rule)) {
    if (ref.scope.kind !== 'root' || ref.path === null) continue;
    const key = dependencyKeyOf(ref.path, ruleTable, index);
    if (key) reads.add(key);
  }
  return reads;
}

export function buildRuleNodes(definition: FormDefinition, index: FieldIndex): RuleNode[] {
  const nodes = new Map<string, RuleNode>();
  const nodeFor = (key: string): RuleNode => {
    let node = nodes.get(key);
    if (!node) {
      node = { key, table: index.fields.get(key)?.table ?? null, computed: null, visibility: [], reads: new Set() };
      nodes.set(key, node);
    }
    return node;
  };
  const add = (node: RuleNode, rule: unknown) => {
    for (const key of readsOf(rule, node.table, index)) node.reads.add(key);
  };
  const rules = definition.rules ?? {};
  (rules.computed ?? []).forEach((r, i) => {
    if (!index.fields.has(r.field)) return;
    const node = nodeFor(r.field);
    node.computed = { pointer: `/rules/computed/${i}/value`, rule: r.value };
    add(node, r.value);
  });
  (rules.visibility ?? []).forEach((r, i) => {
    const pointer = `/rules/visibility/${i}/when`;
    const targets = r.section !== undefined
      ? (definition.sections ?? []).find((s) => s.id === r.section)?.fields ?? []
      : r.field !== undefined ? [r.field] : [];
    for (const key of targets) {
      if (!index.fields.has(key)) continue;
      const node = nodeFor(key);
      node.visibility.push({ pointer, rule: r.when });
      add(node, r.when);
    }
  });
  return [...nodes.values()];
}

/** Whether reading `read` sees a change of `written`: the same field, or one inside the other. */
export function keysOverlap(read: string, written: string): boolean {
  return read === written || written.startsWith(`${read}.`) || read.startsWith(`${written}.`);
}

function dependsOn(reader: RuleNode, writer: RuleNode): boolean {
  for (const key of reader.reads) if (keysOverlap(key, writer.key)) return true;
  return false;
}

export type NodeOrder = { ok: true; order: RuleNode[] } | { ok: false; cycle: string[] };

/** Every node after the nodes it reads (Kahn's algorithm), or one cycle of keys. */
export function orderNodes(nodes: RuleNode[]): NodeOrder {
  const edges = new Map<RuleNode, RuleNode[]>(nodes.map((n) => [n, []]));
  const indegree = new Map<RuleNode, number>(nodes.map((n) => [n, 0]));
  for (const reader of nodes) {
    for (const writer of nodes) {
      if (dependsOn(reader, writer)) {
        edges.get(writer)!.push(reader);
        indegree.set(reader, indegree.get(reader)! + 1);
      }
    }
  }
  const ready = nodes.filter((n) => indegree.get(n) === 0);
  const order: RuleNode[] = [];
  while (ready.length > 0) {
    const node = ready.shift()!;
    order.push(node);
    for (const next of edges.get(node)!) {
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length === nodes.length) return { ok: true, order };
  return { ok: false, cycle: findCycle(nodes.filter((n) => indegree.get(n)! > 0)) };
}

function findCycle(remaining: RuleNode[]): string[] {
  const start = remaining[0]!;
  const path: RuleNode[] = [start];
  const seen = new Map<RuleNode, number>([[start, 0]]);
  let current = start;
  for (;;) {
    const next = remaining.find((n) => dependsOn(current, n))!;
    const at = seen.get(next);
    if (at !== undefined) return [...path.slice(at), next].map((n) => n.key);
    seen.set(next, path.length);
    path.push(next);
    current = next;
  }
}
