import Keycloak from 'keycloak-js';
import type { Auth } from './Auth';
import type { RuntimeConfig } from './runtimeConfig';

/** A token that expires sooner than this (seconds) is refreshed before it is sent. */
const MIN_VALIDITY = 30;

/** The page Keycloak sends the hidden frame back to (served by the backend, security/SilentCheckSsoPage). */
export const SILENT_CHECK_SSO_PATH = '/silent-check-sso.html';

/** How long the hidden frame may take before the app falls back to the full-page redirect. */
const SILENT_CHECK_TIMEOUT_MS = 10_000;

/**
 * Signs the user in with the authorization code flow and PKCE. A Keycloak session is looked for in
 * a hidden frame first (no page load away and back); without one, this navigates away to the login
 * page, and the promise settles only once back with a token.
 */
export async function logIn(config: RuntimeConfig, locale: string): Promise<Auth> {
  const realm = `${config.keycloakUrl.replace(/\/$/, '')}/realms/${encodeURIComponent(config.realm)}`;
  const keycloak = new Keycloak({
    clientId: config.clientId,
    // Keycloak's endpoints given as a standard provider's: keycloak-js then skips its third-party
    // cookie probe (two more frame loads before the check). Where a browser withholds Keycloak's
    // cookie from the frame, the check answers "not signed in" and the redirect below signs in.
    oidcProvider: {
      authorization_endpoint: `${realm}/protocol/openid-connect/auth`,
      token_endpoint: `${realm}/protocol/openid-connect/token`,
      end_session_endpoint: `${realm}/protocol/openid-connect/logout`,
      userinfo_endpoint: `${realm}/protocol/openid-connect/userinfo`,
    },
  });
  const checked = keycloak.init({
    onLoad: 'check-sso',
    silentCheckSsoRedirectUri: `${window.location.origin}${SILENT_CHECK_SSO_PATH}`,
    pkceMethod: 'S256',
    // The session-status iframe relies on third-party cookies, which browsers block.
    checkLoginIframe: false,
    locale,
  });
  // keycloak-js waits for the hidden frame without end: a frame that never answers is a redirect too.
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), SILENT_CHECK_TIMEOUT_MS));
  const authenticated = await Promise.race([checked, timeout]);
  if (authenticated !== true) await keycloak.login({ locale }); // navigates away: never settles
  const userId = keycloak.subject;
  if (!userId) throw new Error('Keycloak gave a token without a subject');
  return {
    userId,
    async token() {
      try {
        await keycloak.updateToken(MIN_VALIDITY);
      } catch (error) {
        // The Keycloak session is over (idle, ended elsewhere): sign in again.
        await keycloak.login();
        throw error;
      }
      if (!keycloak.token) throw new Error('No access token');
      return keycloak.token;
    },
    logout: () => keycloak.logout({ redirectUri: `${window.location.origin}/` }),
  };
}
