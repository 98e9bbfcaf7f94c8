/**
 * The backend gives some texts in both languages (a checklist piece's label, its condition, its
 * problems, the commission's reason): the one for the user's language, French unless English is chosen.
 */
export function inLanguage<T>(language: string, english: T, french: T | null | undefined): T {
  return language.startsWith('en') || french == null ? english : french;
}
