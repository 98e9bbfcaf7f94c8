/**
 * Applicants and their case files: the ground, dates and family, document checklists by ground, documents,
 * notes and the timeline; who may read a case ({@link fr.passerelle.cases.CaseGrants} lets other modules grant it).
 * <p>Owns the tables {@code cases}, {@code applicants}, {@code case_notes}, {@code checklist_items},
 * {@code filing_overrides}, {@code case_documents}, {@code case_document_chunks}, {@code case_outcomes} and the
 * prefecture kits' {@code prefecture_kit_pieces}, {@code prefecture_kit_changes} and {@code shared_prefecture_kits}
 * (V102; the kits in {@code internal}, their controller in {@code web}): no other module names them in SQL. Others read the views it publishes (V80, under the tables' row-level security):
 * {@code app.published_cases}, {@code app.published_applicants}, {@code app.published_case_outcomes} and
 * {@code app.published_case_documents}; and the steps of a case's procedure come through the port
 * {@link fr.passerelle.cases.ProcedureSteps}, implemented by procedure. docs/architecture.md.
 */
@ApplicationModule(allowedDependencies = {"audit", "platform", "security", "tenancy", "web"})
package fr.passerelle.cases;

import org.springframework.modulith.ApplicationModule;
