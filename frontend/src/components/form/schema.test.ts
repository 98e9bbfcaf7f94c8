import { describe, expect, it } from 'vitest';
import { fieldIdsByKey, toFormErrors, type FormSchema } from './schema';

const FILING: FormSchema = {
  id: 'filing-record',
  components: [
    { id: 'Text_0', type: 'text', text: 'intro' },
    { id: 'Field_filingDate', key: 'filingDate', type: 'datetime', label: 'Date du dépôt' },
    {
      id: 'Group_fee',
      type: 'group',
      components: [{ id: 'Field_feeAmount', key: 'feeAmount', type: 'number', label: 'Montant' }],
    },
  ],
};

describe("the backend's problems on a task form's fields", () => {
  it('finds the fields by key, inside groups too', () => {
    expect([...fieldIdsByKey(FILING)]).toEqual([
      ['filingDate', 'Field_filingDate'],
      ['feeAmount', 'Field_feeAmount'],
    ]);
  });

  it('puts each message under the field it names, and keeps apart what names no field', () => {
    const { byId, unplaced } = toFormErrors(FILING, {
      filingDate: 'est dans le futur',
      feeAmount: 'doit être au plus 1000',
      pieces: 'le passeport manque',
    });
    expect(byId).toEqual({ Field_filingDate: ['est dans le futur'], Field_feeAmount: ['doit être au plus 1000'] });
    expect(unplaced).toEqual({ pieces: 'le passeport manque' });
  });
});
