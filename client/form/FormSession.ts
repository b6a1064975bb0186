// One form being filled: turns the officer's changes into engine evaluations and keeps the
// FormStore current. Per keystroke only the computed values and conditions that depend on the
// changed field run (evaluateChange), and the warning rules (currentWarnings), so a warning
// follows the data of now; the whole form is validated when a field is left, when a field
// showing an issue is corrected, and on a submit attempt (evaluate). Widgets read and
// write the store directly (widgets/connect.tsx); the renderer (rjsf) is handed the data only
// when the form's structure changes (a table row added or removed).
import {
  currentWarnings, evaluateCompiled, evaluateChange, EXPLANATION_CODE_PREFIX, fillFromIdNumber, idDerivedFields, keyOfPointer, ruleIdOf, valueAt,
  type ChangeState, type CompiledForm, type EvaluationContext, type EvaluationResult, type FormData, type IdDerivedField, type Issue,
} from '@engine';
import { FormStore, type FieldNote, type VerifyState } from './FormStore';
import { pointerOfId, setAt } from './pointers';

export interface SessionInit {
  form: CompiledForm;
  context: EvaluationContext;
  data: FormData;
  /** Pre-filled registry values of the fields to verify (过录指标), by key. */
  verify?: { fields: string[]; registry: FormData; confirmed?: string[] };
  /** The officer's explanations of warnings (核实说明), by rule id, as last kept. */
  explanations?: Record<string, string>;
  /** The reviewer's notes on fields of a returned submission. */
  fieldNotes?: FieldNote[];
}

function sameIssues(a: readonly Issue[], b: readonly Issue[]): boolean {
  return a.length === b.length && a.every((issue, i) => issue.path === b[i]!.path && issue.code === b[i]!.code && issue.message === b[i]!.message);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A table that must have rows (minItems) starts with that many empty ones to fill. */
function withRequiredRows(form: CompiledForm, data: FormData): FormData {
  let out = data;
  for (const key of form.index.tables) {
    const info = form.index.fields.get(key)!;
    const minItems = typeof info.schema.minItems === 'number' ? info.schema.minItems : 0;
    if (info.parent !== null || minItems === 0 || data[key] !== undefined) continue;
    out = { ...out, [key]: Array.from({ length: minItems }, () => ({})) };
  }
  return out;
}

export class FormSession {
  readonly form: CompiledForm;
  readonly context: EvaluationContext;
  readonly store: FormStore;
  private rendererData: FormData;
  private push: ((data: FormData) => void) | null = null;
  private readonly dataListeners = new Set<(data: FormData) => void>();
  /** Fields that follow an ID number (a new member's 性别): filled as the number is typed. */
  private readonly idFields: IdDerivedField[];

  constructor(init: SessionInit) {
    this.form = init.form;
    this.context = init.context;
    this.idFields = idDerivedFields(init.form.definition, init.form.index);
    const full = evaluateCompiled(init.form, withRequiredRows(init.form, init.data), init.context);
    const verify: VerifyState = {
      fields: new Set(init.verify?.fields ?? []),
      registry: init.verify?.registry ?? {},
      confirmed: new Set(init.verify?.confirmed ?? []),
      correcting: new Set(),
    };
    this.store = new FormStore({
      data: full.data, hidden: new Set(full.hidden), hiddenSections: new Set(full.hiddenSections),
      issues: [...full.errors, ...full.warnings], touched: new Set(), showAll: false, verify,
      explanations: { ...init.explanations }, fieldNotes: init.fieldNotes ?? [],
    });
    this.rendererData = full.data;
  }

  /** The renderer registers how it is told of data it must show (a dropped or restored value). */
  attach(push: (data: FormData) => void): () => void {
    this.push = push;
    return () => {
      if (this.push === push) this.push = null;
    };
  }

  /** Notified with the canonical data after every change (the page saves it locally). */
  onData(listener: (data: FormData) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  data(): FormData {
    return this.store.get().data;
  }

  initialRendererData(): FormData {
    return this.rendererData;
  }

  /** A field's new value, as typed or chosen (empty means not filled). */
  set(pointer: string, value: unknown): void {
    const prev = this.store.get();
    const typed = setAt(prev.data, pointer, isEmpty(value) ? undefined : value);
    const base = fillFromIdNumber(this.idFields, prev.data, typed, pointer);
    // What the number filled beside it changed too: its row's table (or, at the top, the whole form) is re-run.
    const table = base === typed ? null : this.idFields.find((f) => f.source === keyOfPointer(pointer))!.table;
    if (base !== typed && table === null) {
      this.change(base);
      return;
    }
    this.commit(evaluateChange(this.form, prev, base, table ?? keyOfPointer(pointer), this.context), pointer);
  }

  /** A new, empty row at the end of a table ("/members"). */
  addRow(tablePointer: string): void {
    const rows = valueAt(this.store.get().data, tablePointer);
    this.changeTable(tablePointer, [...(Array.isArray(rows) ? rows : []), {}]);
  }

  /** Removes row `index` of a table. */
  removeRow(tablePointer: string, index: number): void {
    const rows = valueAt(this.store.get().data, tablePointer);
    if (!Array.isArray(rows)) return;
    this.changeTable(tablePointer, rows.filter((_, i) => i !== index));
  }

  private changeTable(tablePointer: string, rows: unknown[]): void {
    const prev = this.store.get();
    const next = evaluateChange(this.form, prev, setAt(prev.data, tablePointer, rows), keyOfPointer(tablePointer), this.context);
    this.commit(next, tablePointer);
    this.rendererData = next.data;
    this.push?.(next.data);
  }

  /** A change reported by the renderer itself (rjsf), at the element `id`; unknown: evaluate everything. */
  change(rendererData: FormData, id?: string): void {
    const pointer = id === undefined ? '' : pointerOfId(id);
    if (pointer !== '') {
      this.set(pointer, valueAt(rendererData, pointer));
      return;
    }
    const full = evaluateCompiled(this.form, rendererData, this.context);
    this.commit({ data: full.data, hidden: new Set(full.hidden), hiddenSections: new Set(full.hiddenSections) }, '');
  }

  private commit(next: ChangeState, pointer: string): void {
    this.store.update({ data: next.data, hidden: next.hidden, hiddenSections: next.hiddenSections, ...this.warningsAfter(next) });
    if (pointer !== '' && this.store.shownIssuesAt(pointer).some((issue) => issue.severity === 'error')) this.validate();
    for (const listener of this.dataListeners) listener(next.data);
  }

  /** The issues with the warnings of `state` in place of the last ones, when they differ (else nothing to update). */
  private warningsAfter(state: ChangeState): { issues?: Issue[] } {
    const issues = this.store.get().issues;
    const warnings = currentWarnings(this.form, state, this.context);
    const before = issues.filter((issue) => issue.severity === 'warning');
    if (sameIssues(before, warnings)) return {};
    return { issues: [...issues.filter((issue) => issue.severity !== 'warning'), ...warnings] };
  }

  /** The officer's explanation of a warning rule's warnings (核实说明); its refusal by the server goes. */
  explain(ruleId: string, text: string): void {
    const { explanations, issues } = this.store.get();
    const refusal = EXPLANATION_CODE_PREFIX + ruleId;
    this.store.update({
      explanations: { ...explanations, [ruleId]: text },
      ...(issues.some((issue) => issue.code === refusal) ? { issues: issues.filter((issue) => issue.code !== refusal) } : {}),
    });
  }

  /** The explanations of the warnings that hold now: what a submit sends. */
  heldExplanations(): Record<string, string> {
    const { explanations, issues } = this.store.get();
    const held = new Set(issues.filter((issue) => issue.severity === 'warning').map(ruleIdOf));
    return Object.fromEntries(Object.entries(explanations).filter(([ruleId, text]) => held.has(ruleId) && text.trim() !== ''));
  }

  /** A field was left: its issues are shown from now on, and the whole form is validated. */
  blur(id: string): void {
    const pointer = pointerOfId(id);
    const touched = new Set(this.store.get().touched);
    touched.add(pointer);
    this.store.update({ touched });
    this.validate();
  }

  /** Full validation; after `showAll` every issue is displayed. */
  validate(showAll = false): EvaluationResult {
    const result = evaluateCompiled(this.form, this.store.get().data, this.context);
    this.store.update({ issues: [...result.errors, ...result.warnings], ...(showAll ? { showAll: true } : {}) });
    return result;
  }

  /**
   * Issues the server found (its 422, or a stored submission's): the same shape, shown at once.
   * The warnings of now stay unless `replaceWarnings` (a reviewer reads the stored ones).
   */
  showServerIssues(issues: readonly Issue[], replaceWarnings = false): void {
    const warnings = replaceWarnings ? [] : this.store.get().issues.filter((issue) => issue.severity === 'warning');
    this.store.update({ issues: [...issues.filter((issue) => replaceWarnings || issue.severity !== 'warning'), ...warnings], showAll: true });
  }

  confirm(key: string): void {
    const verify = this.store.get().verify;
    const confirmed = new Set(verify.confirmed);
    confirmed.add(key);
    const correcting = new Set(verify.correcting);
    correcting.delete(key);
    this.store.update({ verify: { ...verify, confirmed, correcting } });
  }

  correct(key: string): void {
    const verify = this.store.get().verify;
    const correcting = new Set(verify.correcting);
    correcting.add(key);
    this.store.update({ verify: { ...verify, correcting } });
  }

  /** Puts the registry's value back and closes the correction. */
  restore(key: string): void {
    const verify = this.store.get().verify;
    this.set(`/${key.split('.').join('/')}`, verify.registry[key]);
    const correcting = new Set(this.store.get().verify.correcting);
    correcting.delete(key);
    this.store.update({ verify: { ...this.store.get().verify, correcting } });
  }
}
