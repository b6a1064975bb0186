// The names one page of rows shows instead of codes and ids: each village's name and each
// officer's display name, looked up once per distinct code or user on the page, so the cost
// follows the page, never the size of the area (an administrator's area is the whole country).
import type { ExportNames } from '../export/exportRows';
import type { Store } from '../store/Store';

export async function pageNames(store: Store, divisionCodes: Iterable<string>, userIds: Iterable<string>): Promise<ExportNames> {
  const divisions = new Map<string, string>();
  for (const code of new Set(divisionCodes)) divisions.set(code, (await store.getDivision(code))?.name ?? '');
  const users = new Map<string, string>();
  for (const id of new Set(userIds)) {
    const user = await store.getUser(id);
    users.set(id, user?.displayName || user?.username || id);
  }
  return { division: (code) => divisions.get(code) ?? '', user: (id) => users.get(id) ?? id };
}
