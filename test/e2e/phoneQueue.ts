// What the phone still holds unsent, read from its IndexedDB: shared by the e2e flows that save
// or submit offline and wait for the queue to send.
import type { Page } from 'playwright-core';

/** Drafts on the phone whose save or submit the server does not have yet. */
export function unsent(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('wanneng-biaodan');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('drafts').objectStore('drafts').getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => {
        resolve((all.result as { pending: string | null }[]).filter((d) => d.pending !== null).length);
        open.result.close();
      };
    };
  }));
}
