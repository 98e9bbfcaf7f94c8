// Start: the public pages anyone may open without an account (the deadline calculator), or the
// signed-in app. Each is a chunk of its own, so a phone opening the calculator loads neither
// keycloak-js, the router, the staff pages nor Mantine's whole stylesheet.
import { sessionRuntimeConfig } from '@/lib/auth/runtimeConfig';
import { languageReady } from '@/lib/i18n';

const PUBLIC_PATHS = ['/calculateur'];
const isPublic = PUBLIC_PATHS.includes(window.location.pathname) && !window.location.hash.includes('state=');

if (isPublic) {
  void Promise.all([languageReady, import('@/app/publicEntry')]).then(([, entry]) => entry.start());
} else {
  // Where to sign in is asked for while the app's chunks load, not after.
  const runtimeConfig = sessionRuntimeConfig();
  runtimeConfig.catch(() => {}); // shown by the app once loaded
  void Promise.all([languageReady, import('@/app/signedInEntry')]).then(([, entry]) => entry.start(runtimeConfig));
}
