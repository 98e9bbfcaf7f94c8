/** The signed-in user's session, as the rest of the app sees it. */
export interface Auth {
  /** The user's id in Keycloak (the token's subject). */
  userId: string;
  /** An access token valid for a while yet: refreshed first when it is about to expire. */
  token(): Promise<string>;
  /** Ends the Keycloak session and comes back to the app (hence to the login page). */
  logout(): Promise<void>;
}
