// Drafts on the phone: read, write (every change, within a second of the last keystroke) and list.
// Every write is announced (draftEvents), so open pages follow changes made elsewhere.
import { db } from './db';
import { draftChanged } from './draftEvents';
import type { LocalDraft } from './LocalDraft';

export async function getDraft(id: string): Promise<LocalDraft | undefined> {
  return (await db()).get('drafts', id);
}

export async function putDraft(draft: LocalDraft): Promise<void> {
  await (await db()).put('drafts', draft);
  draftChanged(draft.id);
}

export async function deleteDraft(id: string): Promise<void> {
  await (await db()).delete('drafts', id);
  draftChanged(id);
}

export async function draftsOfHousehold(householdKey: string): Promise<LocalDraft[]> {
  return (await db()).getAllFromIndex('drafts', 'byHousehold', householdKey);
}

export async function allDrafts(): Promise<LocalDraft[]> {
  return (await db()).getAllFromIndex('drafts', 'byUpdated');
}

export async function pendingDrafts(): Promise<LocalDraft[]> {
  return (await allDrafts()).filter((d) => d.pending !== null);
}

/** Applies a change to the stored draft (read-modify-write in one transaction). */
export async function updateDraft(id: string, change: (draft: LocalDraft) => LocalDraft): Promise<LocalDraft | undefined> {
  const database = await db();
  const tx = database.transaction('drafts', 'readwrite');
  const current = await tx.store.get(id);
  if (!current) {
    await tx.done;
    return undefined;
  }
  const next = change(current);
  await tx.store.put(next);
  await tx.done;
  draftChanged(id);
  return next;
}
