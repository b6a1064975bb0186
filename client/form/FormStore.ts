// The live state of one form being filled, outside React so that a keystroke re-renders only the
// fields it concerns: the engine's canonical data (computed values in, hidden values out), what
// is hidden, the issues of the last full evaluation and which of them are shown (fields left,
// or everything after a submit attempt), and the verification state of pre-filled fields.
// Components read it through useFormStore(selector); nothing here knows about rjsf.
import type { ChangeState, FormData, Issue } from '../../engine/index';

export interface VerifyState {
  /** Keys of the fields pre-filled from the registry for verification (过录指标). */
  fields: ReadonlySet<string>;
  /** The registry's values, by key, as pre-filled when the submission started. */
  registry: FormData;
  /** Keys the officer confirmed (核实无误). */
  confirmed: ReadonlySet<string>;
  /** Keys the officer chose to correct (更正): their input is open. */
  correcting: ReadonlySet<string>;
}

export interface FormSnapshot extends ChangeState {
  issues: readonly Issue[];
  touched: ReadonlySet<string>;
  /** After a submit attempt every issue is shown, touched or not. */
  showAll: boolean;
  verify: VerifyState;
}

type Listener = () => void;

/** The parts of the snapshot a listener reads; null: all of them. */
export type SnapshotKeys = readonly (keyof FormSnapshot)[] | null;

export const DATA_KEYS: SnapshotKeys = ['data'];
export const HIDDEN_KEYS: SnapshotKeys = ['hidden'];
export const HIDDEN_SECTIONS_KEYS: SnapshotKeys = ['hiddenSections'];
/** What shownIssuesAt and hasShownIssuesWithin read. */
export const SHOWN_ISSUES_KEYS: SnapshotKeys = ['issues', 'touched', 'showAll'];

const NO_ISSUES: readonly Issue[] = Object.freeze([]);

export class FormStore {
  private snapshot: FormSnapshot;
  private readonly listeners = new Map<Listener, SnapshotKeys>();
  private shownCache: { of: Pick<FormSnapshot, 'issues' | 'touched' | 'showAll'>; byPointer: Map<string, Issue[]> } | null = null;

  constructor(initial: FormSnapshot) {
    this.snapshot = initial;
  }

  get(): FormSnapshot {
    return this.snapshot;
  }

  /**
   * Calls `listener` after every update that changes one of `keys` (every update when null): a
   * keystroke changes the data, and the fields waiting for their visibility or issues to change
   * are not asked about it.
   */
  subscribe = (listener: Listener, keys: SnapshotKeys = null): (() => void) => {
    this.listeners.set(listener, keys);
    return () => this.listeners.delete(listener);
  };

  /**
   * Calls `changed` with the value `read` finds in the data each time it differs from the last one
   * seen, starting from `seen` (at once when the data already holds something else).
   */
  watch(read: (data: FormData) => unknown, seen: unknown, changed: (value: unknown) => void): () => void {
    let last = seen;
    const check = () => {
      const value = read(this.snapshot.data);
      if (Object.is(value, last)) return;
      last = value;
      changed(value);
    };
    check();
    return this.subscribe(check, DATA_KEYS);
  }

  update(patch: Partial<FormSnapshot>): void {
    const previous = this.snapshot;
    this.snapshot = { ...previous, ...patch };
    for (const [listener, keys] of this.listeners) {
      if (keys === null || keys.some((key) => key in patch && patch[key] !== previous[key])) listener();
    }
  }

  /** The issues shown at one pointer (the same array until they change, as useSyncExternalStore needs). */
  shownIssuesAt(pointer: string): readonly Issue[] {
    return this.shownIssues().get(pointer) ?? NO_ISSUES;
  }

  /** Whether an issue is shown at `pointer` or inside it (a table row's card). */
  hasShownIssuesWithin(pointer: string): boolean {
    for (const p of this.shownIssues().keys()) if (p === pointer || p.startsWith(`${pointer}/`)) return true;
    return false;
  }

  /**
   * Every shown issue by pointer: touched fields, rules on a touched field, or all after a submit
   * attempt. Kept until the issues, the touched fields or showAll change, not rebuilt per keystroke.
   */
  shownIssues(): Map<string, Issue[]> {
    const s = this.snapshot;
    const of = this.shownCache?.of;
    if (of && of.issues === s.issues && of.touched === s.touched && of.showAll === s.showAll) return this.shownCache!.byPointer;
    const previous = this.shownCache?.byPointer;
    const byPointer = new Map<string, Issue[]>();
    for (const issue of s.issues) {
      if (!s.showAll && !isTouched(s.touched, issue.path)) continue;
      const list = byPointer.get(issue.path) ?? [];
      list.push(issue);
      byPointer.set(issue.path, list);
    }
    for (const [pointer, list] of byPointer) {
      const before = previous?.get(pointer);
      if (before && sameIssues(before, list)) byPointer.set(pointer, before);
    }
    this.shownCache = { of: { issues: s.issues, touched: s.touched, showAll: s.showAll }, byPointer };
    return byPointer;
  }
}

/** A pointer counts as touched when it or a container of it ("/members" for a row's cell) was left. */
function isTouched(touched: ReadonlySet<string>, pointer: string): boolean {
  for (let end = pointer.length; end > 0; end = pointer.lastIndexOf('/', end - 1)) {
    if (touched.has(pointer.slice(0, end))) return true;
  }
  return false;
}

function sameIssues(a: Issue[], b: Issue[]): boolean {
  return a.length === b.length && a.every((issue, i) => issue.message === b[i]!.message && issue.severity === b[i]!.severity);
}
