import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Starting, StartupFailed } from './app/Startup';
import { theme } from './app/theme';
import { logIn } from './auth/keycloak';
import { fetchRuntimeConfig } from './auth/runtimeConfig';
import i18n from './i18n';

const root = createRoot(document.getElementById('root')!);

function show(node: ReactNode) {
  root.render(
    <StrictMode>
      <MantineProvider theme={theme}>{node}</MantineProvider>
    </StrictMode>,
  );
}

// Signing in happens once, outside React (keycloak-js allows one init per page).
show(<Starting />);
fetchRuntimeConfig()
  .then((config) => logIn(config, i18n.language))
  .then(
    (auth) => show(<App auth={auth} />),
    (error: unknown) => show(<StartupFailed error={error} />),
  );
