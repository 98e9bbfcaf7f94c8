import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { App, startServices } from '@/app/App';
import { theme } from '@/app/theme';
import type { Auth } from '@/lib/auth/Auth';

export const USER_ID = '6f1c2d9e-0000-4000-8000-000000000001';

/** The signed-in app, with a session that hands out `test-token`. */
export function renderApp(path = '/me') {
  window.history.pushState({}, '', path);
  const auth: Auth = { userId: USER_ID, token: async () => 'test-token', logout: vi.fn(async () => {}) };
  render(
    <MantineProvider theme={theme} env="test">
      <App auth={auth} services={startServices(auth, window.location)} />
    </MantineProvider>,
  );
  return auth;
}
