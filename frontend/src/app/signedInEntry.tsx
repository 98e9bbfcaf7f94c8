// The signed-in app: Mantine's whole stylesheet (the staff pages use most components), the router
// and the pages (each loaded when first visited, src/app/routes.tsx). Loaded once signed in.
import '@mantine/core/styles.css';
import './app.css';
import { startTransition } from 'react';
import type { Auth } from '@/lib/auth/Auth';
import { App, startServices } from './App';
import { show } from './root';
import { preloadRoute } from './routes';
import { StartupFailed } from './Startup';

// A case or task page opened straight: its chunk loads beside this one.
preloadRoute(window.location.pathname);

export function showApp(auth: Auth) {
  const services = startServices(auth, window.location);
  // Drawn as a transition: React then yields to the browser every few milliseconds while it builds
  // the first page, instead of holding the main thread for the whole of it (a phone's blocking time).
  startTransition(() => show(<App auth={auth} services={services} />));
}

/** The configuration or Keycloak could not be reached. */
export function showFailure(error: unknown) {
  show(<StartupFailed error={error} />);
}
