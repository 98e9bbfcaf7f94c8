/**
 * Who read or changed which case, when: the audit log every module writes to, and its reading for coordinators.
 */
@ApplicationModule(allowedDependencies = {"security", "tenancy"})
package fr.passerelle.audit;

import org.springframework.modulith.ApplicationModule;
