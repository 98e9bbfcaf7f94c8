import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Auth } from '@/lib/auth/Auth';
import type { Me } from '@/lib/session/Me';
import { fakeBackend, json } from '@/test/fakeBackend';
import { USER_ID, renderApp } from '@/test/renderApp';
import { startServices } from './App';

const ines: Me = {
  userId: USER_ID,
  username: 'ines.lyon',
  name: 'Inès Lyon',
  email: null,
  platformAdmin: false,
  associations: [{ slug: 'accueil-lyon', name: 'Accueil Étrangers Lyon', roles: ['caseworker'] }],
  currentAssociation: 'accueil-lyon',
};
const auth: Auth = { userId: USER_ID, token: async () => 'test-token', logout: async () => {} };

/** A backend that never answers: what the start asks for is what it asks before any answer. */
function silentBackend(): string[] {
  const sent: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      sent.push(String(input));
      return new Promise<Response>(() => {});
    }),
  );
  return sent;
}

describe('the signed-in start', () => {
  it('asks for the user and the task list together, not one after the other', async () => {
    const sent = silentBackend();
    startServices(auth, { pathname: '/', search: '?scope=mine' });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual(expect.arrayContaining(['/api/me', '/api/tasks?scope=mine&size=20']));
  });

  it('asks for a case opened straight, with its tasks and steps, beside the user', async () => {
    const sent = silentBackend();
    startServices(auth, { pathname: '/cases/c-42', search: '' });
    await vi.waitFor(() => expect(sent).toHaveLength(4));
    expect(sent).toEqual(
      expect.arrayContaining(['/api/me', '/api/cases/c-42', '/api/cases/c-42/tasks', '/api/cases/c-42/procedure']),
    );
  });

  it('shows the task list from what the start read, without asking again', async () => {
    const sent = fakeBackend(({ path }) =>
      path === '/api/me' ? json(ines) : json({ items: [], page: 0, size: 20, hasMore: false }),
    );
    renderApp('/');
    expect(await screen.findByText('Aucune tâche ici')).toBeVisible();
    expect(sent.map((request) => request.path).sort()).toEqual(['/api/me', '/api/tasks?scope=mine-and-groups&size=20']);
  });
});
