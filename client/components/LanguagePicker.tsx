// The language pickers. The header's switches the app's own words between 中文 and English; the
// fill page's lists only the languages the form's definition has (Chinese first) and shows the
// form in the one chosen. Both set the device's language (remembered on the phone, language.ts),
// which re-renders the app in it (LanguageRoot).
import { Fragment, type ReactNode } from 'react';
import { languageName } from '@engine';
import { deviceLanguage, setDeviceLanguage } from '../i18n/language';
import { saveBeforeLeaving } from '../offline/beforeLeaving';
import { t } from '../i18n/t';
import { useLanguage } from '../i18n/useLanguage';

/** The app under the device's language: everything below is rendered again when it changes. */
export function LanguageRoot({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return <Fragment key={language}>{children}</Fragment>;
}

/**
 * 中文 ⇄ English for the app's own words, in the page header. The app is rendered again in the
 * other language, so an open form's pending save completes first (as before an update).
 */
export function AppLanguageToggle() {
  const english = useLanguage() === 'en';
  const toggle = async () => {
    await saveBeforeLeaving();
    setDeviceLanguage(english ? 'zh' : 'en');
  };
  return (
    <button type="button" className="link language-toggle" lang={english ? 'zh-CN' : 'en'} onClick={() => void toggle()}>
      {english ? '中文' : 'English'}
    </button>
  );
}

/**
 * The form's language, from those its definition has; `beforeChange` runs first (the fill page
 * saves what was typed). Nothing is shown for a form in Chinese only.
 */
export function FormLanguagePicker({ languages, value, beforeChange }: { languages: readonly string[]; value: string; beforeChange?: () => Promise<void> }) {
  if (languages.length < 2) return null;
  const choose = async (language: string) => {
    await beforeChange?.();
    if (language !== deviceLanguage()) setDeviceLanguage(language);
  };
  return (
    <label className="form-language">
      {t('formLanguage')}{' '}
      <select value={value} onChange={(event) => void choose(event.target.value)}>
        {languages.map((language) => <option key={language} value={language}>{languageName(language)}</option>)}
      </select>
    </label>
  );
}
