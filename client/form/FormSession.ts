// One form being filled: turns the renderer's events into engine evaluations and keeps the
// FormStore current. Per keystroke only the computed values and conditions that depend on the
// changed field run (evaluateChange); the whole form is validated when a field is left, when a
// field showing an issue is corrected, and on a submit attempt (evaluate). The renderer holds
// its own copy of the data and is told to drop a value only when a condition hides it.
import {
  evaluateCompiled, evaluateChange, keyOfPointer, valueAt,
  type CompiledForm, type EvaluationContext, type EvaluationResult, type FormData,
} from '../../engine/index';
import { FormStore, type VerifyState } from './FormStore';
import { pointerOfId, setAt } from './pointers';

export interface SessionInit {
  form: CompiledForm;
  context: EvaluationContext;
  data: FormData;
  /** Pre-filled registry values of the fields to verify (过录指标), by key. */
  verify?: { fields: string[]; registry: FormData; confirmed?: string[] };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export class FormSession {
  readonly form: CompiledForm;
  readonly context: EvaluationContext;
  readonly store: FormStore;
  private rendererData: FormData;
  private push: ((data: FormData) => void) | null = null;
  private readonly dataListeners = new Set<(data: FormData) => void>();

  constructor(init: SessionInit) {
    this.form = init.form;
    this.context = init.context;
    const full = evaluateCompiled(init.form, init.data, init.context);
    const verify: VerifyState = {
      fields: new Set(init.verify?.fields ?? []),
      registry: init.verify?.registry ?? {},
      confirmed: new Set(init.verify?.confirmed ?? []),
      correcting: new Set(),
    };
    this.store = new FormStore({
      data: full.data, hidden: new Set(full.hidden), hiddenSections: new Set(full.hiddenSections),
      issues: [...full.errors, ...full.warnings], touched: new Set(), showAll: false, verify,
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

  /** The renderer's data changed at the element `id` ("root/members/2/A7"; unknown: evaluate everything). */
  change(rendererData: FormData, id?: string): void {
    const prev = this.store.get();
    const pointer = id === undefined ? '' : pointerOfId(id);
    let next;
    if (pointer === '') {
      next = evaluateCompiled(this.form, rendererData, this.context);
      next = { data: next.data, hidden: new Set(next.hidden), hiddenSections: new Set(next.hiddenSections) };
    } else {
      const value = valueAt(rendererData, pointer);
      const base = setAt(prev.data, pointer, isEmpty(value) ? undefined : value);
      next = evaluateChange(this.form, prev, base, keyOfPointer(pointer), this.context);
    }
    const dropped = [...next.hidden].filter((p) => !prev.hidden.has(p) && valueAt(rendererData, p) !== undefined);
    this.rendererData = dropped.reduce((data, p) => setAt(data, p, undefined), rendererData);
    if (dropped.length > 0) this.push?.(this.rendererData);
    this.store.update({ data: next.data, hidden: next.hidden, hiddenSections: next.hiddenSections });
    if (pointer !== '' && this.store.shownIssuesAt(pointer).length > 0) this.validate();
    for (const listener of this.dataListeners) listener(next.data);
  }

  /** A field was left: its issues are shown from now on, and the whole form is validated. */
  blur(id: string): void {
    const pointer = pointerOfId(id);
    const touched = new Set(this.store.get().touched);
    touched.add(pointer);
    this.store.update({ touched });
    this.validate();
  }

  /** Sets a value as the officer would (restoring a registry value), in the renderer too. */
  setValue(pointer: string, value: unknown): void {
    const data = setAt(this.rendererData, pointer, value);
    this.push?.(data);
    this.change(data, `root${pointer}`);
  }

  /** Full validation; after `showAll` every issue is displayed. */
  validate(showAll = false): EvaluationResult {
    const result = evaluateCompiled(this.form, this.store.get().data, this.context);
    this.store.update({ issues: [...result.errors, ...result.warnings], ...(showAll ? { showAll: true } : {}) });
    return result;
  }

  /** Issues the server found (its 422): the same shape, shown at once. */
  showServerIssues(issues: EvaluationResult['errors']): void {
    this.store.update({ issues, showAll: true });
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
    this.setValue(`/${key.split('.').join('/')}`, verify.registry[key]);
    const correcting = new Set(this.store.get().verify.correcting);
    correcting.delete(key);
    this.store.update({ verify: { ...this.store.get().verify, correcting } });
  }
}
