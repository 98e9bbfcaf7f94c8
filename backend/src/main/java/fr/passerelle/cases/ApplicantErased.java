package fr.passerelle.cases;

import java.util.List;
import java.util.UUID;

/**
 * Published in the transaction that erases an applicant (GDPR art. 17) after their cases' rows and their own are
 * deleted: every module erases what it holds about these cases, in the same transaction (the engine's processes
 * and history, stored exports naming them...). A module that keeps data about an applicant or a case outside the
 * cases' foreign keys listens to it; docs/personal-data.md lists who does.
 */
public record ApplicantErased(String association, UUID applicantId, List<UUID> caseIds) {}
