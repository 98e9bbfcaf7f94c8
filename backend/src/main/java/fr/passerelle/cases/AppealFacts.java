package fr.passerelle.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What of a case an appeal works from: the offer's anonymous summary takes the ground, the
 * prefecture and the languages; a letter takes the applicant and the decision too.
 */
public record AppealFacts(
        UUID caseId,
        String reference,
        String applicantName,
        LocalDate birthDate,
        String nationality,
        String address,
        Ground ground,
        String groundCode,
        String department,
        String prefecture,
        LocalDate decidedOn,
        LocalDate notifiedOn,
        List<String> languages,
        boolean interpreterNeeded,
        String interpreterLanguage) {}
