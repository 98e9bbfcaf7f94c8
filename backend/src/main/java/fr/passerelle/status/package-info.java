/**
 * The applicant's own status page (issue 23): the link staff give the person whose case it is (no account:
 * a random token and a 6-digit code said in person), what that page shows them in their language, and the
 * files they send from it. The applicant belongs to no association: their link's rows are read under the
 * case's association with {@code AssociationScope}. Reads the case through {@code cases.CaseForApplicant}
 * and its dates through {@code procedure.OpenTasks}, never their tables.
 * Reminders to the applicant, with their consent, are queued in {@code alerts.ApplicantOutbox} and sent by
 * its dispatcher.
 * <p>Owns the tables {@code status_links} and {@code status_contacts} (V97), {@code status_reminder_consents}
 * (V107). docs/architecture.md.
 */
@ApplicationModule(
        allowedDependencies = {"alerts", "audit", "cases", "deadlines", "procedure", "security", "tenancy", "web"})
package fr.passerelle.status;

import org.springframework.modulith.ApplicationModule;
