// The names an export shows for codes and ids: division names (read once, for the narrowest
// prefixes the export can touch) and the display names of the officers who filled the forms
// (looked up per batch, each user once). Memory grows with the villages and officers, never with
// the submissions.
import type { Store } from '../store/Store';
import type { SubmissionRecord } from '../store/records';
import type { ExportNames } from './exportRows';

export interface LoadedNames extends ExportNames {
  /** Looks up the officers of a batch not yet known, before its rows are made. */
  load(batch: SubmissionRecord[]): Promise<void>;
}

export async function loadNames(store: Store, divisionPrefixes: string[]): Promise<LoadedNames> {
  const divisions = new Map((await store.listDivisions(divisionPrefixes)).map((d) => [d.code, d.name]));
  const users = new Map<string, string>();
  return {
    division: (code) => divisions.get(code) ?? '',
    user: (id) => users.get(id) ?? id,
    async load(batch) {
      const unknown = [...new Set(batch.map((r) => r.createdBy))].filter((id) => !users.has(id));
      for (const id of unknown) {
        const user = await store.getUser(id);
        users.set(id, user?.displayName || user?.username || id);
      }
    },
  };
}
