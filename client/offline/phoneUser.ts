// A phone may be shared (one officer hands it to the next): each user sees and sends only the
// drafts that are theirs. The phone's user is the one signed in last, as the session keeps it
// ('lastUser', cleared by 退出), so this holds with no signal too.
import type { User } from '../api/types';
import { getMeta } from './db';
import type { DraftOwner, LocalDraft } from './LocalDraft';

/** The user signed in on this phone, or null after 退出. */
export async function phoneUser(): Promise<DraftOwner | null> {
  const user = await getMeta<User | null>('lastUser');
  return user ? { id: user.id, displayName: user.displayName } : null;
}

/** Whether `draft` is `user`'s: kept here by them, or kept before drafts had owners. */
export function isTheirs(draft: LocalDraft, user: DraftOwner | null): boolean {
  return !draft.owner || draft.owner.id === user?.id;
}
