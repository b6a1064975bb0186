// Reads a slice of the FormStore and re-renders only when that slice changes. Selectors must
// return primitives or values the store keeps stable (see FormStore.shownIssuesAt).
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { FormSnapshot, FormStore, SnapshotKeys } from './FormStore';

export const FormStoreContext = createContext<FormStore | null>(null);

export function useStoreInstance(): FormStore {
  const store = useContext(FormStoreContext);
  if (!store) throw new Error('useFormStore needs a FormStoreContext provider');
  return store;
}

/**
 * `keys` names the parts of the snapshot the selector reads (a constant array): the selector then
 * runs only when one of them changes, not on every keystroke. Without it, on every update.
 */
export function useFormStore<T>(select: (snapshot: FormSnapshot, store: FormStore) => T, keys: SnapshotKeys = null): T {
  const store = useStoreInstance();
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener, keys), [store, keys]);
  return useSyncExternalStore(subscribe, () => select(store.get(), store), () => select(store.get(), store));
}
