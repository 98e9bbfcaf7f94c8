import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from './fr';

export const LANGUAGES = ['fr', 'en'] as const;

const STORAGE_KEY = 'passerelle.language';

function storedLanguage(): string {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((language) => language === stored) ?? 'fr';
}

// French is in the first chunk; English comes when someone asks for it (a chunk of its own).
void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr } },
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: LANGUAGES,
  partialBundledLanguages: true,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
});
document.documentElement.lang = i18n.language;

i18n.on('languageChanged', (language) => {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
});

/** Switches the app's language, loading its texts first if they are not loaded yet. */
export async function changeLanguage(language: string): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en');
    i18n.addResourceBundle('en', 'translation', en);
  }
  await i18n.changeLanguage(language);
}

/** Settles once the language chosen last time is ready to show. */
export const languageReady: Promise<void> = storedLanguage() === 'fr' ? Promise.resolve() : changeLanguage('en');

export default i18n;
