// Start: the public pages anyone may open without an account (the deadline calculator), or the
// signed-in app. Each is a chunk of its own, so a phone opening the calculator loads neither
// keycloak-js, the router, the staff pages nor Mantine's whole stylesheet.
import { languageReady } from '@/lib/i18n';

const PUBLIC_PATHS = ['/calculateur'];
const isPublic = PUBLIC_PATHS.includes(window.location.pathname) && !window.location.hash.includes('state=');

const entry = isPublic ? import('@/app/publicEntry') : import('@/app/signedInEntry');
void Promise.all([languageReady, entry]).then(([, start]) => start.start());
