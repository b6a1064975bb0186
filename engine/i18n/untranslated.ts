// What a multilingual definition leaves in Chinese: for each language it has translations for,
// every text without one. The definition check reports them as warnings (a form may be published
// half translated: the rest shows in Chinese).
import type { FormDefinition } from '../types';
import { textKeys } from './textKeys';

export interface UntranslatedText {
  language: string;
  key: string;
  zh: string;
}

export function untranslated(definition: FormDefinition): UntranslatedText[] {
  const languages = Object.keys(definition.translations ?? {});
  if (languages.length === 0) return [];
  const texts = textKeys(definition);
  return languages.flatMap((language) => {
    const table = definition.translations![language] ?? {};
    return texts.filter(({ key }) => typeof table[key] !== 'string' || table[key]!.trim() === '').map(({ key, zh }) => ({ language, key, zh }));
  });
}

/** Translation keys that name no text of the definition (a renamed field, a typo): nothing shows them. */
export function unknownTextKeys(definition: FormDefinition): { language: string; key: string }[] {
  if (Object.keys(definition.translations ?? {}).length === 0) return [];
  const known = new Set(textKeys(definition).map((t) => t.key));
  return Object.entries(definition.translations ?? {}).flatMap(([language, table]) =>
    Object.keys(table).filter((key) => !known.has(key)).map((key) => ({ language, key })));
}
