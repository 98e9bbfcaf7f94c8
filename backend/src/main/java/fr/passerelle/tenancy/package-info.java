/**
 * Associations (the tenants), the request's association and PostgreSQL row-level security: every connection
 * carries the association it works for, and a table's policy lets nothing else through.
 */
@ApplicationModule(allowedDependencies = {"security", "web"})
package fr.passerelle.tenancy;

import org.springframework.modulith.ApplicationModule;
