// The definition check's part on translations: per language, one warning saying how many texts
// are still only in Chinese (and the first of them), and a warning per key that names no text
// of the definition (a renamed field, a typo), which nothing would ever show.
import { languageName } from '../i18n/languages';
import { unknownTextKeys, untranslated } from '../i18n/untranslated';
import type { DefinitionProblem, FormDefinition } from '../types';

const LISTED = 5;

const pointerPart = (text: string) => text.replace(/~/g, '~0').replace(/\//g, '~1');

export function checkTranslations(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const missing = untranslated(definition);
  for (const language of Object.keys(definition.translations ?? {})) {
    const texts = missing.filter((m) => m.language === language);
    if (texts.length === 0) continue;
    const listed = texts.slice(0, LISTED).map((m) => `${m.key}（${m.zh}）`).join('、');
    const more = texts.length > LISTED ? ' 等' : '';
    problems.push({
      path: `/translations/${pointerPart(language)}`,
      message: `${languageName(language)}（${language}）有 ${texts.length} 处未翻译，将显示中文：${listed}${more}`,
      severity: 'warning',
    });
  }
  for (const { language, key } of unknownTextKeys(definition)) {
    problems.push({ path: `/translations/${pointerPart(language)}/${pointerPart(key)}`, message: `翻译键 ${key} 不对应定义中的任何文字（字段、选项或规则已改名？）`, severity: 'warning' });
  }
  return problems;
}
