/**
 * Keycloak identities: the token checked as an OAuth2 resource server, the user's memberships and roles
 * (groups {@code /associations/<slug>/<role>}), method security, and the web app's public configuration.
 */
@ApplicationModule(allowedDependencies = {"web"})
package fr.passerelle.security;

import org.springframework.modulith.ApplicationModule;
