// Published form versions, read from the store and compiled once: a published version never
// changes, so caching it keeps no state that another server instance could disagree with. Each
// version's validator module for browsers (validatorModule.ts) is generated on first request and
// kept with it. Drafts' validator modules (the form builder's preview) are kept by the hash of
// their schema, the last DRAFT_MODULES of them (in this process: another server asked for one
// makes it again from the saved draft, routes/forms.ts).
import { createHash } from 'node:crypto';
import { compileForm, DEFAULT_LANGUAGE, type CompiledForm } from '@engine';
import type { FormVersionRecord } from '../store/records';
import type { Store } from '../store/Store';
import { validatorModule } from './validatorModule';

export interface LoadedVersion {
  record: FormVersionRecord;
  compiled: CompiledForm;
}

const DRAFT_MODULES = 50;

export const schemaHash = (schema: Record<string, unknown>): string => createHash('sha256').update(JSON.stringify(schema)).digest('hex');

export class FormVersions {
  private readonly cache = new Map<string, LoadedVersion>();
  private readonly modules = new Map<string, string>();
  private readonly draftModules = new Map<string, string>();
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

  /** A version compiled for a language ("en"): its translated texts and the engine's words in it. */
  compiledIn(loaded: LoadedVersion, language: string): CompiledForm {
    return language === DEFAULT_LANGUAGE ? loaded.compiled : compileForm(loaded.record.definition, { language });
  }

  /** The validator module of a published version, or null when there is no such version. */
  async validatorModule(formId: string, version: number): Promise<string | null> {
    const key = `${formId}@${version}`;
    const cached = this.modules.get(key);
    if (cached !== undefined) return cached;
    const loaded = await this.get(formId, version);
    if (!loaded) return null;
    const code = validatorModule(loaded.record.definition.schema, `${loaded.record.definition.title} 第 ${version} 版`);
    this.modules.set(key, code);
    return code;
  }

  /** Generates and keeps a draft schema's module (throws if it does not compile); returns its hash. */
  draftValidatorModule(schema: Record<string, unknown>, title: string): string {
    const hash = schemaHash(schema);
    const code = this.draftModules.get(hash) ?? validatorModule(schema, `${title}（草稿）`);
    this.draftModules.delete(hash);
    this.draftModules.set(hash, code);
    while (this.draftModules.size > DRAFT_MODULES) this.draftModules.delete(this.draftModules.keys().next().value!);
    return hash;
  }

  keptDraftModule(hash: string): string | null {
    return this.draftModules.get(hash) ?? null;
  }
}
