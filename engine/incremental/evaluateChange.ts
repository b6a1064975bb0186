// What the officer's form runs per keystroke: after one field changed, only the computed values
// and visibility conditions that depend on it (directly or through other computed values) are
// re-run, in dependency order, with the same node code the full evaluate() runs. Validation is
// left to evaluate() on leaving a field and on submit. evaluate() stays the reference:
// test/engine/evaluateChange.test.ts proves both give the same values and the same hidden fields.
import type { CompiledForm, CompiledNode } from '../compileForm';
import { keysOverlap } from '../computed/ruleNodes';
import { allVisible, applyNode, pointerOf, rootScope } from '../evaluate';
import type { EvaluationContext, FormData } from '../types';

export interface ChangeState {
  /** The data after the change, computed values filled in, newly hidden values dropped. */
  data: FormData;
  /** JSON Pointers of hidden fields. */
  hidden: ReadonlySet<string>;
  hiddenSections: ReadonlySet<string>;
}

const affectedCache = new WeakMap<CompiledForm, Map<string, CompiledNode[]>>();

/** The nodes to re-run after `changedKey` changed ("A28", "members.A7", "members"), in order. */
export function affectedNodes(form: CompiledForm, changedKey: string): CompiledNode[] {
  let byKey = affectedCache.get(form);
  if (!byKey) {
    byKey = new Map();
    affectedCache.set(form, byKey);
  }
  const cached = byKey.get(changedKey);
  if (cached) return cached;
  const changed = [changedKey];
  const affected: CompiledNode[] = [];
  for (const node of form.nodes) {
    if (node.reads.some((read) => changed.some((key) => keysOverlap(read, key)))) {
      affected.push(node);
      changed.push(node.key);
    }
  }
  byKey.set(changedKey, affected);
  return affected;
}

function ownsPointer(node: CompiledNode, pointer: string): boolean {
  const tail = `/${node.segments.join('/')}`;
  if (node.table === null) return pointer === tail;
  return pointer.startsWith(`/${node.table}/`) && pointer.endsWith(tail) && /^\d+$/.test(pointer.slice(node.table.length + 2, -tail.length));
}

/** Copies what the affected nodes will write into, so the caller's data is never mutated. */
function copyForWrite(data: FormData, nodes: CompiledNode[]): FormData {
  const copy: FormData = { ...data };
  for (const table of new Set(nodes.map((n) => n.table).filter((t): t is string => t !== null))) {
    const rows = copy[table];
    if (Array.isArray(rows)) copy[table] = rows.map((row) => (row !== null && typeof row === 'object' && !Array.isArray(row) ? { ...row } : row));
  }
  for (const node of nodes) {
    if (node.table !== null || node.segments.length < 2) continue;
    let container = copy;
    for (const segment of node.segments.slice(0, -1)) {
      const next = container[segment];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) break;
      container[segment] = { ...(next as FormData) };
      container = container[segment] as FormData;
    }
  }
  return copy;
}

export function evaluateChange(
  form: CompiledForm,
  previous: ChangeState,
  data: FormData,
  changedKey: string,
  context: EvaluationContext = {},
): ChangeState {
  const nodes = affectedNodes(form, changedKey);
  const sections = form.sections.filter((s) => s.reads.some((read) => keysOverlap(read, changedKey) || nodes.some((n) => keysOverlap(read, n.key))));
  if (nodes.length === 0 && sections.length === 0) return { ...previous, data };
  const next = copyForWrite(data, nodes);
  const hidden = new Set([...previous.hidden].filter((pointer) => !nodes.some((node) => ownsPointer(node, pointer))));
  const scope = rootScope(next, context);
  for (const node of nodes) {
    if (node.table === null) {
      applyNode(node, next, scope, pointerOf(null, 0, node.segments), hidden);
      continue;
    }
    const rows = next[node.table];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row, i) => {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) return;
      scope.row = row as Record<string, unknown>;
      applyNode(node, scope.row, scope, pointerOf(node.table, i, node.segments), hidden);
    });
    scope.row = undefined;
  }
  const hiddenSections = new Set(previous.hiddenSections);
  for (const section of sections) {
    if (allVisible(section.visible, scope)) hiddenSections.delete(section.id);
    else hiddenSections.add(section.id);
  }
  // The same sets when nothing was shown or hidden: what follows visibility can tell at a glance.
  return {
    data: next,
    hidden: sameSet(hidden, previous.hidden) ? previous.hidden : hidden,
    hiddenSections: sameSet(hiddenSections, previous.hiddenSections) ? previous.hiddenSections : hiddenSections,
  };
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
