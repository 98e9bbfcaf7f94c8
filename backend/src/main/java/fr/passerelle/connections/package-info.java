/**
 * The database connections: two pools per node, one for requests and one for background work
 * (the engine's job executor, scheduled tasks such as the reminders), so that background work,
 * however busy, never takes a connection a request is waiting for. README, "Production
 * configuration", gives the sizes.
 */
@ApplicationModule(allowedDependencies = {})
package fr.passerelle.connections;

import org.springframework.modulith.ApplicationModule;
