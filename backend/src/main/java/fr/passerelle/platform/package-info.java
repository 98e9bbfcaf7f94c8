/**
 * Platform administration: associations and their members in Keycloak, for the platform admin, who never
 * reads case contents.
 */
package fr.passerelle.platform;
