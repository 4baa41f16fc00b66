// i18next set-up: Chinese by default, English as an option, the choice remembered on this machine.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import { fieldLabels } from './field-labels';
import zh from './zh';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'alliance.language';

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or a locked-down profile: the choice lasts for this session only.
  }
}

export function initI18n(language: Language = storedLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      // Field labels come from the field models, in both languages (field-labels.ts).
      resources: { zh: { translation: { ...zh, field: fieldLabels('zh') } }, en: { translation: { ...en, field: fieldLabels('en') } } },
      lng: language,
      fallbackLng: 'zh',
      interpolation: { escapeValue: false }, // React escapes already
      returnNull: false,
    });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}
