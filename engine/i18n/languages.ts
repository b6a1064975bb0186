// The languages: a definition's own texts are Chinese ("zh", the default); translations add
// others by their BCP-47 primary tag ("en", "ug", "bo"). The engine's own words (its validation
// messages) exist in Chinese and English; any other language gets them in Chinese.
import type { FormDefinition } from '../types';

export const DEFAULT_LANGUAGE = 'zh';

/** The languages the engine's own messages are written in. */
export const ENGINE_LANGUAGES = ['zh', 'en'] as const;
export type EngineLanguage = (typeof ENGINE_LANGUAGES)[number];

/** The language of the engine's words for a form shown in `language`. */
export function engineLanguage(language: string | undefined): EngineLanguage {
  return language === 'en' ? 'en' : 'zh';
}

/** The languages a definition can be shown in: Chinese first, then those it has translations for. */
export function definitionLanguages(definition: FormDefinition): string[] {
  return [DEFAULT_LANGUAGE, ...Object.keys(definition.translations ?? {}).filter((l) => l !== DEFAULT_LANGUAGE)];
}

/** A language's own name, for pickers ("English"); the code itself when unknown. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  zh: '中文', en: 'English', ug: 'ئۇيغۇرچە', bo: 'བོད་ཡིག', mn: 'Монгол', ii: 'ꆈꌠꉙ', za: 'Vahcuengh', ko: '한국어',
};

export function languageName(language: string): string {
  return Object.hasOwn(LANGUAGE_NAMES, language) ? LANGUAGE_NAMES[language]! : language;
}
