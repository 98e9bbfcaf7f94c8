/**
 * Statistics of the caseload for coordinators and platform admins, from counters the database keeps as cases
 * change, and the Excel export written in the background on procedure's job executor.
 */
@ApplicationModule(allowedDependencies = {"audit", "cases", "operations", "procedure", "security", "tenancy", "web"})
package fr.passerelle.reporting;

import org.springframework.modulith.ApplicationModule;
