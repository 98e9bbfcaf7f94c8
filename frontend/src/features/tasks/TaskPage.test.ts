import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/ApiError';
import { refusalOf } from './TaskPage';

const t = (key: string) => key;

describe("a task form's refusal", () => {
  it('puts the fields the backend names on the form, and says nothing above it', () => {
    const error = new ApiError(400, { detail: 'Invalid', errors: { filingDate: 'est dans le futur' } }, '400');
    expect(refusalOf(error, t)).toEqual({ fields: { filingDate: 'est dans le futur' }, message: null });
  });

  it('explains a 409 (completed by someone else) without touching the fields', () => {
    expect(refusalOf(new ApiError(409, { detail: 'gone' }, '409'), t)).toEqual({ fields: {}, message: 'task.gone' });
  });

  it("falls back on the problem's detail when no field is named, and on the network otherwise", () => {
    expect(refusalOf(new ApiError(422, { detail: 'Le passeport manque' }, '422'), t)).toEqual({
      fields: {},
      message: 'Le passeport manque',
    });
    expect(refusalOf(new TypeError('Failed to fetch'), t)).toEqual({ fields: {}, message: 'errors.network' });
  });
});
