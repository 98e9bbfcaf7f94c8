/**
 * form-js writes its own texts (validation messages, list controls) in English through its
 * `translate` service; this is that service for the app's languages. A template without a
 * French wording is shown as form-js writes it.
 */
const FRENCH: Record<string, string> = {
  'Add new': 'Ajouter',
  'All values selected': 'Toutes les valeurs sont choisies',
  'Click to remove sorting': 'Cliquer pour ne plus trier',
  'Click to sort by {value} ascending': 'Cliquer pour trier par {value}, croissant',
  'Click to sort by {value} descending': 'Cliquer pour trier par {value}, décroissant',
  Collapse: 'Replier',
  'Date and time must both be entered.': "La date et l'heure doivent être saisies toutes les deux.",
  Decrement: 'Diminuer',
  'Download {fileName}': 'Télécharger {fileName}',
  'Expand all ({value})': 'Tout déplier ({value})',
  "External content couldn't be loaded.": "Le contenu externe n'a pas pu être chargé.",
  'Field is required.': 'Champ obligatoire.',
  'Field must be a valid email.': 'Saisissez une adresse e-mail valide.',
  'Field must be a valid international phone number. (e.g. +4930664040900)':
    'Saisissez un numéro de téléphone international valide (par exemple +33612345678).',
  'Field must have maximum length of {value}.': 'Pas plus de {value} caractères.',
  'Field must have maximum value of {value}.': 'La valeur ne peut pas dépasser {value}.',
  'Field must have minimum length of {value}.': 'Au moins {value} caractères.',
  'Field must have minimum value of {value}.': 'La valeur doit être au moins {value}.',
  'Field must match pattern {value}.': 'Le format attendu est {value}.',
  Increment: 'Augmenter',
  'Next page': 'Page suivante',
  'No content to show.': 'Rien à afficher.',
  'No files selected': 'Aucun fichier choisi',
  'No results': 'Aucun résultat',
  'Nothing to show.': 'Rien à afficher.',
  'Please select a valid value, the two nearest valid values are {previousValue} and {nextValue}.':
    'Choisissez une valeur valide : les deux plus proches sont {previousValue} et {nextValue}.',
  'Previous page': 'Page précédente',
  'Remove tag': 'Retirer',
  Search: 'Rechercher',
  'Skip to search': 'Aller à la recherche',
  'Unable to download document': 'Le document ne peut pas être téléchargé',
  'Value is expected to be an integer.': 'Saisissez un nombre entier.',
  'Value is expected to have at most 1 decimal digit.': 'Une décimale au plus.',
  'Value is expected to have at most {value} decimal digits.': '{value} décimales au plus.',
  'Value is not a number.': "Ce n'est pas un nombre.",
  '{page} of {total}': '{page} sur {total}',
  '{value} files selected': '{value} fichiers choisis',
};

/** What form-js shows in an empty select (it writes "Select" there without translating it). */
export const SELECT_PLACEHOLDER: Record<string, string> = { fr: 'Choisir…', en: 'Select…' };

/** form-js's translate service: the template in the language, its {placeholders} filled in. */
export function formJsTranslate(language: string) {
  const wording = language.startsWith('fr') ? FRENCH : {};
  return (template: string, replacements: Record<string, unknown> = {}) =>
    (wording[template] ?? template).replace(/{([^}]+)}/g, (_, key: string) =>
      replacements[key] === undefined || replacements[key] === null ? `{${key}}` : String(replacements[key]),
    );
}
