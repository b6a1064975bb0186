// Reads a slice of the FormStore and re-renders only when that slice changes. Selectors must
// return primitives or values the store keeps stable (see FormStore.shownIssuesAt).
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FormSnapshot, FormStore } from './FormStore';

export const FormStoreContext = createContext<FormStore | null>(null);

export function useStoreInstance(): FormStore {
  const store = useContext(FormStoreContext);
  if (!store) throw new Error('useFormStore needs a FormStoreContext provider');
  return store;
}

export function useFormStore<T>(select: (snapshot: FormSnapshot, store: FormStore) => T): T {
  const store = useStoreInstance();
  return useSyncExternalStore(store.subscribe, () => select(store.get(), store), () => select(store.get(), store));
}
