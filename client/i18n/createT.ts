// t(key, vars): a UI string with its {placeholders} filled in, from one table of strings. The
// officer's pages use the shared table (t.ts); the reviewer's and administrator's pages, loaded
// only when opened, use the shared table plus their own (tReviewer.ts, tAdmin.ts), so their
// strings travel with their pages instead of in every officer's download. With the device's
// language English (language.ts), a key's English is used where its table has one.
import { deviceLanguage } from './language';

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export function createT<T extends Record<string, string>>(table: T, english: Partial<Record<keyof T, string>> = {}): Translate<Extract<keyof T, string>> {
  return (key, vars = {}) => {
    const text = (deviceLanguage() === 'en' ? english[key] : undefined) ?? table[key]!;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
