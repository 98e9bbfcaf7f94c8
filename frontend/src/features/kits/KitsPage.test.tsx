import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeBackend, json } from '@/test/fakeBackend';
import { USER_ID, renderApp } from '@/test/renderApp';
import type { Me } from '@/lib/session/Me';
import type { KitList } from './api/types';

function me(role: string): Me {
  return {
    userId: USER_ID,
    username: 'claire.coord',
    name: 'Claire Martin',
    email: 'claire@example.org',
    platformAdmin: false,
    associations: [{ slug: 'accueil-lyon', name: 'Accueil Étrangers Lyon', roles: [role] }],
    currentAssociation: 'accueil-lyon',
  };
}

const KIT: KitList = {
  department: '69',
  list: 'L425-9',
  lists: ['L435-1', 'L425-9', 'renewal'],
  publishedAt: null,
  pieces: [
    {
      piece: 'photos',
      labelFr: 'Photos d’identité',
      labelEn: 'Identity photos',
      required: true,
      fromCatalogue: true,
      removed: false,
      noteFr: 'Original + 2 copies',
      noteEn: null,
    },
    {
      piece: 'stamp-duty',
      labelFr: 'Timbre fiscal',
      labelEn: 'Tax stamp',
      required: true,
      fromCatalogue: true,
      removed: true,
      noteFr: null,
      noteEn: null,
    },
    {
      piece: 'local-attestation-ccas',
      labelFr: 'Attestation du CCAS',
      labelEn: 'CCAS certificate',
      required: true,
      fromCatalogue: false,
      removed: false,
      noteFr: null,
      noteEn: null,
    },
  ],
};

function backend(role: string) {
  return fakeBackend(({ path }) => {
    if (path.endsWith('/api/me')) return json(me(role));
    if (path.includes('/lists/')) return json(KIT);
    if (path.includes('/history'))
      return json([
        {
          id: 1,
          list: 'L425-9',
          piece: 'photos',
          change: 'NOTED',
          detail: 'Original + 2 copies',
          byName: 'claire.coord',
          at: '2026-03-02T10:00:00Z',
        },
      ]);
    if (path.includes('/shared'))
      return json([
        {
          association: 'droits-lyon',
          associationName: 'Droits Lyon',
          department: '69',
          publishedAt: '2026-03-01T10:00:00Z',
          pieces: [],
        },
      ]);
    return json({ own: [], shared: [] });
  });
}

describe('Kits préfecture', () => {
  it('shows a coordinator the list as the kit makes it, and removing a piece sends it to the kit', async () => {
    const sent = backend('coordinator');
    renderApp('/kits?department=69&list=L425-9');

    const photos = await screen.findByRole('listitem', { name: 'Photos d’identité' });
    expect(within(photos).getByText('Original + 2 copies')).toBeVisible();
    expect(
      within(screen.getByRole('listitem', { name: 'Timbre fiscal' })).getByText('Retirée par le kit'),
    ).toBeVisible();
    expect(
      within(screen.getByRole('listitem', { name: 'Attestation du CCAS' })).getByText('Ajoutée par le kit'),
    ).toBeVisible();
    expect(await screen.findByText(/Droits Lyon, publié le/)).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Historique du kit' })).toBeVisible();
    expect(screen.getByText(/· L425-9 · Photos d’identité : Original \+ 2 copies/)).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Retirer du kit : Photos d’identité' }));
    await waitFor(() => expect(sent.some((request) => request.method === 'PUT')).toBe(true));
    const put = sent.find((request) => request.method === 'PUT');
    expect(put?.path).toBe('/api/prefecture-kits/69/lists/L425-9/pieces/photos');
    expect(JSON.parse(put?.body ?? '{}')).toEqual({ removed: true, noteFr: 'Original + 2 copies', noteEn: null });
  });

  it('adds a piece with its labels in both languages and its local note', async () => {
    const sent = backend('coordinator');
    renderApp('/kits?department=69&list=L425-9');

    const form = await screen.findByRole('form', { name: 'Ajouter une pièce demandée par cette préfecture' });
    await userEvent.type(within(form).getByRole('textbox', { name: /Intitulé \(français\)/ }), 'Attestation CAF');
    await userEvent.type(within(form).getByRole('textbox', { name: /Intitulé \(anglais\)/ }), 'CAF certificate');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Note locale (français)' }), 'Moins de 3 mois');
    await userEvent.click(within(form).getByRole('button', { name: 'Ajouter la pièce' }));

    await waitFor(() => expect(sent.some((request) => request.method === 'POST')).toBe(true));
    const post = sent.find((request) => request.method === 'POST');
    expect(post?.path).toBe('/api/prefecture-kits/69/lists/L425-9/pieces');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      labelFr: 'Attestation CAF',
      labelEn: 'CAF certificate',
      required: true,
      noteFr: 'Moins de 3 mois',
      noteEn: null,
    });
  });

  it('shows a caseworker the kit without a way to change it', async () => {
    backend('caseworker');
    renderApp('/kits?department=69&list=L425-9');

    expect(await screen.findByRole('listitem', { name: 'Photos d’identité' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Retirer du kit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ajouter la pièce' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publier le kit' })).toBeNull();
  });
});
