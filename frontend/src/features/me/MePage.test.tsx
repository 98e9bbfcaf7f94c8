import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeBackend, json, problem } from '@/test/fakeBackend';
import { USER_ID, renderApp } from '@/test/renderApp';
import type { Me } from '@/lib/session/Me';

const LYON = { slug: 'accueil-lyon', name: 'Accueil Étrangers Lyon' };
const MARSEILLE = { slug: 'droits-marseille', name: 'Droits Devant Marseille' };
const CHOICE_KEY = `passerelle.association.${USER_ID}`;

const claire: Me = {
  userId: USER_ID,
  username: 'claire.coord',
  name: 'Claire Martin',
  email: 'claire@example.org',
  platformAdmin: false,
  associations: [{ ...LYON, roles: ['coordinator'] }],
  currentAssociation: 'accueil-lyon',
};

/** A lawyer in two associations: the backend acts for the one named by X-Association, if any. */
function durand(association: string | null): Me {
  return {
    userId: USER_ID,
    username: 'me.durand',
    name: 'Anne Durand',
    email: 'anne.durand@example.org',
    platformAdmin: false,
    associations: [
      { ...LYON, roles: ['lawyer'] },
      { ...MARSEILLE, roles: ['lawyer'] },
    ],
    currentAssociation: association,
  };
}

function rowOf(name: string) {
  return screen.getByRole('row', { name: new RegExp(name) });
}

describe('Mon espace', () => {
  it('shows a member of one association who they are and their role there', async () => {
    const sent = fakeBackend(() => json(claire));
    renderApp();

    expect(await screen.findByRole('heading', { name: 'Claire Martin' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Mon espace' })).toBeVisible();
    expect(screen.getByText('claire.coord')).toBeVisible();
    const row = rowOf(LYON.name);
    expect(within(row).getByText('coordinateur·rice')).toBeVisible();
    expect(within(row).getByText('Association courante')).toBeVisible();
    expect(screen.queryByRole('button', { name: /Choisir/ })).toBeNull();
    expect(sent[0]?.headers.get('Authorization')).toBe('Bearer test-token');
    expect(sent[0]?.headers.has('X-Association')).toBe(false);
  });

  it('lets a member of several associations choose one, remembers it and asks again with it', async () => {
    const sent = fakeBackend(({ headers }) => json(durand(headers.get('X-Association'))));
    renderApp();

    expect(await screen.findByText(/choisissez celle pour laquelle vous travaillez/)).toBeVisible();
    expect(within(rowOf(LYON.name)).getByText('avocat·e')).toBeVisible();
    expect(within(rowOf(MARSEILLE.name)).getByText('avocat·e')).toBeVisible();
    expect(screen.queryByText('Association courante')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Choisir Droits Devant Marseille' }));

    await waitFor(() => expect(within(rowOf(MARSEILLE.name)).getByText('Association courante')).toBeVisible());
    expect(screen.getByRole('button', { name: 'Choisir Accueil Étrangers Lyon' })).toBeEnabled();
    expect(screen.queryByText(/choisissez celle/)).toBeNull();
    expect(localStorage.getItem(CHOICE_KEY)).toBe('droits-marseille');
    expect(sent.at(-1)?.headers.get('X-Association')).toBe('droits-marseille');
  });

  it('sends the remembered association from the start', async () => {
    localStorage.setItem(CHOICE_KEY, 'droits-marseille');
    const sent = fakeBackend(({ headers }) => json(durand(headers.get('X-Association'))));
    renderApp();

    await waitFor(() => expect(within(rowOf(MARSEILLE.name)).getByText('Association courante')).toBeVisible());
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get('X-Association')).toBe('droits-marseille');
  });

  it('forgets a remembered association the user no longer belongs to', async () => {
    localStorage.setItem(CHOICE_KEY, 'solidarite-lille');
    const sent = fakeBackend(({ headers }) =>
      headers.has('X-Association')
        ? problem(403, { title: 'Forbidden', detail: "You are not a member of the association 'solidarite-lille'" })
        : json(durand(null)),
    );
    renderApp();

    expect(await screen.findByText(/choisissez celle pour laquelle vous travaillez/)).toBeVisible();
    expect(localStorage.getItem(CHOICE_KEY)).toBeNull();
    expect(sent.map((request) => request.headers.get('X-Association'))).toEqual(['solidarite-lille', null]);
  });

  it('shows a platform admin as such', async () => {
    fakeBackend(() =>
      json({
        ...claire,
        username: 'admin',
        name: 'Camille Admin',
        platformAdmin: true,
        associations: [],
        currentAssociation: null,
      }),
    );
    renderApp();

    expect(await screen.findByRole('heading', { name: 'Camille Admin' })).toBeVisible();
    expect(screen.getByText('administrateur·rice de la plateforme')).toBeVisible();
    expect(screen.getByText("Vous n'êtes membre d'aucune association.")).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("shows the backend's problem detail", async () => {
    fakeBackend(() => problem(401, { title: 'Unauthorized', detail: 'A valid access token is required' }));
    renderApp();

    expect(await screen.findByText('A valid access token is required')).toBeVisible();
  });

  it('speaks English when asked, and signs out', async () => {
    fakeBackend(() => json(claire));
    const auth = renderApp();
    await screen.findByRole('heading', { name: 'Claire Martin' });

    await userEvent.click(screen.getByText('EN'));

    expect(await screen.findByRole('heading', { name: 'My space' })).toBeVisible();
    expect(within(rowOf(LYON.name)).getByText('coordinator')).toBeVisible();
    expect(localStorage.getItem('passerelle.language')).toBe('en');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(auth.logout).toHaveBeenCalled();
  });
});
