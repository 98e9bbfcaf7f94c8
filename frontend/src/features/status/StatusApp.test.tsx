import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBackend, json, problem } from '@/test/fakeBackend';
import { StatusApp } from './StatusApp';

const ADDRESS = '/suivi/accueil-lyon/AbCdEfGhIjKlMnOpQrStUv';
const PAGE = {
  language: 'ar',
  languages: ['fr', 'en', 'ar', 'es', 'pt', 'ru'],
  association: 'Accueil Étrangers Lyon',
  status: 'PREPARATION',
  renewal: false,
  deadlines: [{ kind: 'APPOINTMENT', on: '2999-01-15' }],
  pieces: [
    {
      code: 'proof-of-address',
      label: 'Proof of address',
      labelFr: 'Justificatif de domicile',
      localNote: 'Original + 2 copies',
      required: true,
      atDelivery: false,
      state: 'MISSING',
    },
  ],
};

describe("the applicant's status page", () => {
  beforeEach(() => {
    window.history.pushState({}, '', ADDRESS);
    sessionStorage.clear();
    Object.defineProperty(navigator, 'languages', { value: ['en-GB'], configurable: true });
  });
  afterEach(() => {
    window.history.pushState({}, '', '/');
    document.documentElement.dir = 'ltr';
  });

  it('says a revoked or unknown link is no longer valid, with nothing else', async () => {
    fakeBackend(() => problem(404, { detail: 'no' }));
    render(<StatusApp />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This link is not valid, or no longer is.');
    expect(screen.queryByLabelText('6-digit code')).toBeNull();
  });

  it('asks the code again when it is wrong, then shows the case in the language staff chose, right to left', async () => {
    let tries = 0;
    const sent = fakeBackend((request) => {
      if (request.path.endsWith('/view')) return ++tries === 1 ? problem(403, { detail: 'wrong' }) : json(PAGE);
      return json({ active: true });
    });
    render(<StatusApp />);
    await userEvent.type(await screen.findByLabelText('6-digit code'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'See my case' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This code is not the right one.');

    await userEvent.click(screen.getByRole('button', { name: 'See my case' }));
    expect(await screen.findByRole('heading', { name: 'ملفك' })).toBeInTheDocument();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByText('Justificatif de domicile')).toBeInTheDocument();
    expect(screen.getByText('Original + 2 copies')).toHaveAttribute('lang', 'fr');
    expect(screen.getByLabelText('إرسال صورة أو ملف PDF: Justificatif de domicile')).toHaveAttribute(
      'accept',
      'image/jpeg,image/png,application/pdf',
    );
    expect(sent.map((request) => request.path)).toEqual([
      '/api/status/accueil-lyon/AbCdEfGhIjKlMnOpQrStUv',
      '/api/status/accueil-lyon/AbCdEfGhIjKlMnOpQrStUv/view',
      '/api/status/accueil-lyon/AbCdEfGhIjKlMnOpQrStUv/view',
    ]);
  });

  it('says the link is locked after too many wrong codes', async () => {
    fakeBackend((request) =>
      request.path.endsWith('/view') ? problem(423, { detail: 'locked' }) : json({ active: true }),
    );
    render(<StatusApp />);
    await userEvent.type(await screen.findByLabelText('6-digit code'), '654321');
    await userEvent.click(screen.getByRole('button', { name: 'See my case' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many tries: this link is locked.');
  });
});
