import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain/status';
import { LOCALES, MESSAGES, type Messages } from '../../shared/i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const LANGUAGE_KEY = 'rebound.language';

/** The language to start in before settings are read: last used in this window, else the system's. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return isLanguage(stored) ? stored : systemLanguage();
}

/** The system's language (the browser's; in the app, Electron's locale), or English if it is none of ours. */
export function systemLanguage(): Language {
  const system = navigator.language.slice(0, 2);
  return isLanguage(system) ? system : 'en';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: MESSAGES[lng] }])),
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes text itself.
  returnNull: false,
  initAsync: false,
});
document.documentElement.lang = i18next.language;

/** Switches the UI language now; the caller stores it in the workspace settings. */
export async function applyLanguage(language: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/** The language shown now, for drawing stored messages; re-renders when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

export function currentLocale(): string {
  return LOCALES[currentLanguage()];
}

export { i18next };
