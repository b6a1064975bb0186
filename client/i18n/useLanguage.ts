// The device's language in a component, re-rendering it when the language changes (language.ts).
import { useSyncExternalStore } from 'react';
import { deviceLanguage, onLanguageChange } from './language';

export function useLanguage(): string {
  return useSyncExternalStore(onLanguageChange, deviceLanguage, deviceLanguage);
}
