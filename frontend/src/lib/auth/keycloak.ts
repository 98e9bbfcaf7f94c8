import Keycloak from 'keycloak-js';
import type { Auth } from './Auth';
import type { RuntimeConfig } from './runtimeConfig';

/** A token that expires sooner than this (seconds) is refreshed before it is sent. */
const MIN_VALIDITY = 30;

/**
 * Signs the user in with the authorization code flow and PKCE: without a Keycloak session
 * this navigates away to the login page, and the promise settles only once back with a token.
 */
export async function logIn(config: RuntimeConfig, locale: string): Promise<Auth> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    // The session-status iframe relies on third-party cookies, which browsers block.
    checkLoginIframe: false,
    locale,
  });
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
