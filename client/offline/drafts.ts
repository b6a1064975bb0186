// Drafts on the phone: read, write (every change, within a second of the last keystroke) and list.
// Every write is announced (draftEvents), so open pages follow changes made elsewhere. On a
// shared phone each user lists and sends only their own (phoneUser).
import { db } from './db';
import { draftChanged } from './draftEvents';
import type { LocalDraft } from './LocalDraft';
import { isTheirs, phoneUser } from './phoneUser';

export async function getDraft(id: string): Promise<LocalDraft | undefined> {
  return (await db()).get('drafts', id);
}

/** Keeps a draft; one new on this phone (no owner yet) becomes the signed-in user's. */
export async function putDraft(draft: LocalDraft): Promise<void> {
  const owned = draft.owner === undefined ? { ...draft, owner: await phoneUser() } : draft;
  await (await db()).put('drafts', owned);
  draftChanged(draft.id);
}

export async function deleteDraft(id: string): Promise<void> {
  await (await db()).delete('drafts', id);
  draftChanged(id);
}

/** The signed-in user's drafts of a household. */
export async function draftsOfHousehold(householdKey: string): Promise<LocalDraft[]> {
  return mine(await (await db()).getAllFromIndex('drafts', 'byHousehold', householdKey));
}

/** Every draft on the phone, whoever's (what its files and the village download must respect). */
export async function allDrafts(): Promise<LocalDraft[]> {
  return (await db()).getAllFromIndex('drafts', 'byUpdated');
}

/** The signed-in user's drafts, oldest change first. */
export async function myDrafts(): Promise<LocalDraft[]> {
  return mine(await allDrafts());
}

/** The signed-in user's drafts with something to send. */
export async function pendingDrafts(): Promise<LocalDraft[]> {
  return (await myDrafts()).filter((d) => d.pending !== null);
}

/** Other users' drafts with something to send: they wait until their owner signs in here again. */
export async function othersPendingDrafts(): Promise<LocalDraft[]> {
  const user = await phoneUser();
  return (await allDrafts()).filter((d) => d.pending !== null && !isTheirs(d, user));
}

async function mine(drafts: LocalDraft[]): Promise<LocalDraft[]> {
  const user = await phoneUser();
  return drafts.filter((d) => isTheirs(d, user));
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
