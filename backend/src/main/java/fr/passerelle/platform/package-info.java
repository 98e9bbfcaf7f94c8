/**
 * Platform administration: associations and their members in Keycloak, for the platform admin, who never
 * reads case contents.
 */
@ApplicationModule(allowedDependencies = {"audit", "security", "tenancy", "web"})
package fr.passerelle.platform;

import org.springframework.modulith.ApplicationModule;
