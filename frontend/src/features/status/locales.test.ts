import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './texts';

type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<Tree>('./locales/*.json', { eager: true, import: 'default' });
const load = (file: string) => files[`./locales/${file}`]!;

/** Each text's key with the placeholders it holds, e.g. "deadline.APPEAL {date}". */
function shape(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key} ${[...value.matchAll(/\{\w+\}/g)].map((m) => m[0]).join(' ')}`]
      : shape(value, `${prefix}${key}.`),
  );
}

describe("the applicant's page translations", () => {
  it('has one file per language the page offers, and no other', () => {
    const names = Object.keys(files).map((file) => file.replace('./locales/', '').replace('.json', ''));
    expect(names.sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((language) => language !== 'fr'))(
    '%s has every text of the French, with the same placeholders, and none other',
    (language) => {
      expect(shape(load(`${language}.json`)).sort()).toEqual(shape(load('fr.json')).sort());
    },
  );

  it.each([...LANGUAGES])('%s has no empty text', (language) => {
    const empty = JSON.stringify(load(`${language}.json`)).includes('""');
    expect(empty).toBe(false);
  });
});
