// The language chosen on this device: the app's own words (English where a table has them,
// Chinese by default) and the language forms are shown in when their definitions have it. Kept in
// localStorage, so the phone remembers it; a change reaches every component reading useLanguage
// (useLanguage.ts). No React here: the HTTP client reads it too.
const KEY = 'wnbd.language';
export const APP_LANGUAGES = ['zh', 'en'] as const;

function stored(): string {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return value && /^[a-z]{2,3}$/.test(value) ? value : 'zh';
  } catch {
    return 'zh';
  }
}

let current = stored();
const listeners = new Set<() => void>();
if (current !== 'zh' && typeof document !== 'undefined') document.documentElement.lang = current;

/** The device's language ("zh" by default). */
export function deviceLanguage(): string {
  return current;
}

export function setDeviceLanguage(language: string): void {
  if (language === current) return;
  current = language;
  try {
    globalThis.localStorage?.setItem(KEY, language);
  } catch {
    // a private window without storage: the choice lasts this page
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
  for (const listener of listeners) listener();
}

/** Calls `listener` on each change of the device's language; returns the unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language a form is shown in: the device's when the form has it, else Chinese. */
export function formLanguage(languages: readonly string[], language = current): string {
  return languages.includes(language) ? language : 'zh';
}
