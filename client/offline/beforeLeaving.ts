// What must be kept before the app reloads itself (a new version taken by 有新版本，点击更新):
// open pages register their pending local saves here, and the reload waits for them, so no
// keystroke of a form is lost to the update. (Leaving otherwise is covered by the pages' own
// pagehide and visibilitychange saves.)
type Save = () => Promise<void>;

const saves = new Set<Save>();

/** Registers a save to run before the app reloads itself; returns its removal. */
export function onLeaving(save: Save): () => void {
  saves.add(save);
  return () => {
    saves.delete(save);
  };
}

/** Runs every registered save (a failed one does not hold the others back). */
export async function saveBeforeLeaving(): Promise<void> {
  await Promise.allSettled([...saves].map((save) => save()));
}
