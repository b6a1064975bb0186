// A definition in another language: every text that has a translation replaced by it, Chinese
// where there is none (the definition check lists those, untranslated.ts). The copy is kept per
// definition object and language, so the engine's compiled-form cache (keyed by the definition
// object) builds each language once.
import type { FormDefinition } from '../types';
import { DEFAULT_LANGUAGE } from './languages';
import { visitTexts } from './textKeys';

const copies = new WeakMap<FormDefinition, Map<string, FormDefinition>>();

/** The definition with its texts in `language` ("en"); the definition itself for Chinese. */
export function translateDefinition(definition: FormDefinition, language: string): FormDefinition {
  if (language === DEFAULT_LANGUAGE) return definition;
  let byLanguage = copies.get(definition);
  const kept = byLanguage?.get(language);
  if (kept) return kept;
  const table = definition.translations?.[language] ?? {};
  const copy = JSON.parse(JSON.stringify(definition)) as FormDefinition;
  delete copy.translations;
  visitTexts(copy, (key, _zh, set) => {
    const text = table[key];
    if (typeof text === 'string' && text.trim() !== '') set(text);
  });
  if (!byLanguage) {
    byLanguage = new Map();
    copies.set(definition, byLanguage);
  }
  byLanguage.set(language, copy);
  return copy;
}
