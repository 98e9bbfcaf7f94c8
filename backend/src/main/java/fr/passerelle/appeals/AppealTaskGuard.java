package fr.passerelle.appeals;

import fr.passerelle.procedure.TaskGuard;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The hand-off to a lawyer goes through the appeals API only, never the generic task form: an
 * offer needs the applicant's consent and a check that the lawyers are the association's, and
 * acceptance must be first-wins among several lawyers. Filing by the association itself
 * (filingBy = ASSOCIATION) shares nothing and stays a plain task.
 */
@Component
class AppealTaskGuard implements TaskGuard {

    @Override
    public void beforeCompletion(String processKey, String taskKey, UUID caseId, Map<String, Object> variables) {
        if (!AppealGrants.CONTENTIOUS_APPEAL.equals(processKey)) {
            return;
        }
        if (Offers.OFFER_TASK.equals(taskKey) && !"ASSOCIATION".equals(variables.get("filingBy"))) {
            throw AppealProblems.conflict(
                    "filingBy",
                    "offer_through_appeals",
                    "offer the appeal to lawyers with POST /api/cases/{0}/appeal/offers (consent is checked there)",
                    caseId);
        }
        if (Offers.ACCEPT_TASK.equals(taskKey)) {
            throw AppealProblems.conflict(
                    "appealAccepted",
                    "answer_through_appeals",
                    "answer the offer from the lawyer's inbox: POST /api/lawyer/offers/<offer>/accept or /decline");
        }
    }
}
