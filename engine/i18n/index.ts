// Forms in more than one language: the text keys of a definition, the definition in a language,
// what is left untranslated, and the engine's own words in English.
export { textKeys, visitTexts, type TextEntry, type TextVisitor } from './textKeys';
export { translateDefinition } from './translateDefinition';
export { english as englishMessage } from './englishMessages';
export { untranslated, unknownTextKeys, type UntranslatedText } from './untranslated';
export { displayDefinition, translatedUiSchema } from './translatedUiSchema';
export {
  DEFAULT_LANGUAGE, ENGINE_LANGUAGES, LANGUAGE_NAMES, definitionLanguages, engineLanguage, languageName, type EngineLanguage,
} from './languages';
