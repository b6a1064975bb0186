// Published form versions, read from the store and compiled once: a published version never
// changes, so caching it keeps no state that another server instance could disagree with.
import { compileForm, type CompiledForm } from '../../engine/index';
import type { FormVersionRecord } from '../store/records';
import type { Store } from '../store/Store';

export interface LoadedVersion {
  record: FormVersionRecord;
  compiled: CompiledForm;
}

export class FormVersions {
  private readonly cache = new Map<string, LoadedVersion>();
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  async get(formId: string, version: number): Promise<LoadedVersion | null> {
    const key = `${formId}@${version}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const record = await this.store.getFormVersion(formId, version);
    if (!record) return null;
    const loaded = { record, compiled: compileForm(record.definition) };
    this.cache.set(key, loaded);
    return loaded;
  }
}
