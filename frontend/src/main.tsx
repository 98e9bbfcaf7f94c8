import '@mantine/core/styles.css';
import './app/app.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/App';
import { PublicApp } from '@/app/PublicApp';
import { Starting, StartupFailed } from '@/app/Startup';
import { theme } from '@/app/theme';
import { logIn } from '@/lib/auth/keycloak';
import { fetchRuntimeConfig } from '@/lib/auth/runtimeConfig';
import i18n from '@/lib/i18n';

const root = createRoot(document.getElementById('root')!);

function show(node: ReactNode) {
  root.render(
    <StrictMode>
      <MantineProvider theme={theme}>{node}</MantineProvider>
    </StrictMode>,
  );
}

/** Pages anyone may open without an account: the deadline calculator. */
const PUBLIC_PATHS = ['/calculateur'];
const isPublic = PUBLIC_PATHS.includes(window.location.pathname) && !window.location.hash.includes('state=');

if (isPublic) {
  show(<PublicApp />);
} else {
  // Signing in happens once, outside React (keycloak-js allows one init per page); it comes back to this URL.
  show(<Starting />);
  fetchRuntimeConfig()
    .then((config) => logIn(config, i18n.language))
    .then(
      (auth) => show(<App auth={auth} />),
      (error: unknown) => show(<StartupFailed error={error} />),
    );
}
