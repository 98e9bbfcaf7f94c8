import { describe, expect, it } from 'vitest';
import { formJsTranslate } from './formJsTexts';

describe('form-js texts', () => {
  it('says a required field in French, and fills the placeholders', () => {
    const translate = formJsTranslate('fr');
    expect(translate('Field is required.')).toBe('Champ obligatoire.');
    expect(translate('Field must have minimum length of {value}.', { value: 3 })).toBe('Au moins 3 caractères.');
    expect(translate('Field must have minimum value of {value}.', { value: 0 })).toBe(
      'La valeur doit être au moins 0.',
    );
  });

  it('leaves English and unknown templates as form-js writes them', () => {
    expect(formJsTranslate('en')('Field is required.')).toBe('Field is required.');
    expect(formJsTranslate('fr')('Something new {x}', { x: 'here' })).toBe('Something new here');
  });
});
