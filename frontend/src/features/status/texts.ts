// The applicant's page texts: one plain JSON file per language under ./locales, for a volunteer
// translator to edit (docs/applicant-page.md says which are machine-drafted). Each is a chunk of
// its own, loaded when chosen.
import type fr from './locales/fr.json';

export type Texts = typeof fr;

/** The languages, in the order the page offers them (the backend's status.internal.StatusLanguages). */
export const LANGUAGES = ['fr', 'en', 'ar', 'es', 'pt', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Written right to left. */
export const RTL: readonly string[] = ['ar'];

/** Each language's name in itself, for the choice (shown before its file is loaded). */
export const NAMES: Record<Language, string> = {
  fr: 'Français',
  en: 'English',
  ar: 'العربية',
  es: 'Español',
  pt: 'Português',
  ru: 'Русский',
};

const files = import.meta.glob<Texts>('./locales/*.json', { import: 'default' });

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function loadTexts(language: Language): Promise<Texts> {
  const file = files[`./locales/${language}.json`];
  return file ? file() : Promise.reject(new Error(`no texts for ${language}`));
}

/** The browser's first language the page speaks, else French. */
export function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'fr';
}

/** A text with its {name} placeholders filled. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}
