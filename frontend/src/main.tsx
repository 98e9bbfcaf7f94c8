// Start: the public pages anyone may open without an account (the deadline calculator, an applicant's
// own page), or the signed-in app. Each is a chunk of its own, so a phone opening the calculator loads neither
// keycloak-js, the router, the staff pages nor Mantine's whole stylesheet.
import { sessionRuntimeConfig } from '@/lib/auth/runtimeConfig';
import i18n, { languageReady } from '@/lib/i18n';

const PUBLIC_PATHS = ['/calculateur'];
const isPublic = PUBLIC_PATHS.includes(window.location.pathname) && !window.location.hash.includes('state=');
// The applicant's own page (the link the association gave): its own entry, without the app's texts.
const isApplicantPage = window.location.pathname.startsWith('/suivi/');

if (isApplicantPage) {
  void import('@/app/statusEntry').then((entry) => entry.start());
} else if (isPublic) {
  void Promise.all([languageReady, import('@/app/publicEntry')]).then(([, entry]) => entry.start());
} else {
  // Signing in needs keycloak-js and the configuration; the app itself loads meanwhile (a Keycloak
  // session is usually found in a hidden frame, without leaving the page).
  const root = document.getElementById('root')!;
  const runtimeConfig = sessionRuntimeConfig();
  const app = import('@/app/signedInEntry');
  void languageReady.then(() => {
    root.textContent = i18n.t('app.starting');
    root.style.cssText = 'font-family: system-ui, sans-serif; color: #495057; text-align: center; padding-top: 40vh';
  });
  Promise.all([runtimeConfig, languageReady, import('@/lib/auth/keycloak')])
    .then(([config, , keycloak]) => keycloak.logIn(config, i18n.language))
    .then(
      async (auth) => (await app).showApp(auth),
      async (error: unknown) => (await app).showFailure(error),
    )
    .finally(() => (root.style.cssText = ''));
}
