// The live state of one form being filled, outside React so that a keystroke re-renders only the
// fields it concerns: the engine's canonical data (computed values in, hidden values out), what
// is hidden, the issues and which of them are shown, the verification state of pre-filled
// fields, the officer's explanations of warnings (核实说明) and the reviewer's notes on fields of
// a returned submission. Errors show once their field was left, or all after a submit attempt;
// warnings are information and show wherever their rule holds, touched or not.
// Components read it through useFormStore(selector); nothing here knows about rjsf.
import type { ChangeState, FormData, Issue } from '@engine';
import type { FieldNote } from '../api/types';

export type { FieldNote };

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
  /** The errors of the last full evaluation (or the server's) and the warnings of now. */
  issues: readonly Issue[];
  touched: ReadonlySet<string>;
  /** After a submit attempt every issue is shown, touched or not. */
  showAll: boolean;
  verify: VerifyState;
  /** Warning rule id -> the officer's explanation (核实说明). */
  explanations: Readonly<Record<string, string>>;
  /** The reviewer's notes on fields, when the submission was returned; fixed for the session. */
  fieldNotes: readonly FieldNote[];
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
const NO_NOTES: readonly string[] = Object.freeze([]);

export class FormStore {
  private snapshot: FormSnapshot;
  private readonly listeners = new Map<Listener, SnapshotKeys>();
  private shownCache: { of: Pick<FormSnapshot, 'issues' | 'touched' | 'showAll'>; byPointer: Map<string, Issue[]> } | null = null;
  private notesCache: { of: readonly FieldNote[]; byPointer: Map<string, string[]> } | null = null;

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
    for (const p of this.shownIssues().keys()) if (within(p, pointer)) return true;
    return false;
  }

  /** The reviewer's notes at one pointer (the same array each time: they never change). */
  notesAt(pointer: string): readonly string[] {
    if (this.notesCache?.of !== this.snapshot.fieldNotes) {
      const byPointer = new Map<string, string[]>();
      for (const { path, note } of this.snapshot.fieldNotes) byPointer.set(path, [...(byPointer.get(path) ?? []), note]);
      this.notesCache = { of: this.snapshot.fieldNotes, byPointer };
    }
    return this.notesCache.byPointer.get(pointer) ?? NO_NOTES;
  }

  /** Whether the reviewer noted `pointer` or a field inside it (a table row's card opens for it). */
  hasNotesWithin(pointer: string): boolean {
    return this.snapshot.fieldNotes.some((n) => within(n.path, pointer));
  }

  /**
   * Every shown issue by pointer: every warning; errors of touched fields, or all after a submit
   * attempt. Kept until the issues, the touched fields or showAll change, not rebuilt per keystroke.
   */
  shownIssues(): Map<string, Issue[]> {
    const s = this.snapshot;
    const of = this.shownCache?.of;
    if (of && of.issues === s.issues && of.touched === s.touched && of.showAll === s.showAll) return this.shownCache!.byPointer;
    const previous = this.shownCache?.byPointer;
    const byPointer = new Map<string, Issue[]>();
    for (const issue of s.issues) {
      if (!s.showAll && issue.severity === 'error' && !isTouched(s.touched, issue.path)) continue;
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

function within(pointer: string, container: string): boolean {
  return pointer === container || pointer.startsWith(`${container}/`);
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
