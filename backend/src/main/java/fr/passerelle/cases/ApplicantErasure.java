package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right to erasure (GDPR art. 17, https://www.cnil.fr/fr/reglement-europeen-protection-donnees/chapitre3#Article17):
 * a coordinator erases one applicant and all their cases, everywhere, in one transaction. This module deletes its
 * rows (the cases' notes, checklists, documents and their bytes, outcomes go by the foreign keys' cascade, as do
 * other modules' rows keyed on the case: the task lists, reminders, consents, offers, appointment attempts), blanks
 * the audit's details about them, and publishes {@link ApplicantErased} for what lives outside those keys (the
 * engine, the stored exports). The audit keeps that an erasure happened, by whom and when, not whom it was about.
 */
@Service
public class ApplicantErasure {
    private final ApplicantRepository applicants;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final Audit audit;
    private final ApplicationEventPublisher events;

    ApplicantErasure(
            ApplicantRepository applicants,
            CaseRepository cases,
            CaseAccess access,
            Audit audit,
            ApplicationEventPublisher events) {
        this.applicants = applicants;
        this.cases = cases;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    /** What an erasure removed: how many cases, for the answer and the audit. */
    public record Erased(int cases) {}

    @Transactional
    public Erased erase(UUID applicantId) {
        String association = access.requireCoordinator().slug();
        Applicant applicant = applicants.require(applicantId);
        List<CaseFile> files = cases.findByApplicantIdOrderByCreatedAtDesc(applicantId);
        List<UUID> caseIds = files.stream().map(CaseFile::id).toList();
        cases.deleteAll(files);
        cases.flush();
        applicants.delete(applicant);
        applicants.flush();
        audit.forget(caseIds, applicantId);
        events.publishEvent(new ApplicantErased(association, applicantId, caseIds));
        for (UUID caseId : caseIds) {
            audit.changed(caseId, "APPLICANT_ERASED", null);
        }
        audit.changed(null, "APPLICANT_ERASED", caseIds.size() + " case(s)");
        return new Erased(caseIds.size());
    }
}
