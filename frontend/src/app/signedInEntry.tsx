// The signed-in app: Mantine's whole stylesheet (the staff pages use most components), keycloak-js,
// the router and the pages (each loaded when first visited, src/app/routes.tsx).
import '@mantine/core/styles.css';
import './app.css';
import { logIn } from '@/lib/auth/keycloak';
import type { RuntimeConfig } from '@/lib/auth/runtimeConfig';
import i18n from '@/lib/i18n';
import { App } from './App';
import { show } from './root';
import { preloadRoute } from './routes';
import { Starting, StartupFailed } from './Startup';

/** Signing in happens once, outside React (keycloak-js allows one init per page); it comes back to this URL. */
export function start(runtimeConfig: Promise<RuntimeConfig>) {
  show(<Starting />);
  preloadRoute(window.location.pathname);
  runtimeConfig
    .then((config) => logIn(config, i18n.language))
    .then(
      (auth) => show(<App auth={auth} />),
      (error: unknown) => show(<StartupFailed error={error} />),
    );
}
