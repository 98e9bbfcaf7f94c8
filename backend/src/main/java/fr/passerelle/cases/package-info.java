/**
 * Applicants and their case files: the ground, dates and family, document checklists by ground, documents,
 * notes and the timeline; who may read a case ({@link fr.passerelle.cases.CaseGrants} lets other modules grant it).
 */
@ApplicationModule(allowedDependencies = {"audit", "platform", "security", "tenancy", "web"})
package fr.passerelle.cases;

import org.springframework.modulith.ApplicationModule;
