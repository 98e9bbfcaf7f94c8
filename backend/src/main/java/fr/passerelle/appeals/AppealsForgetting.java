package fr.passerelle.appeals;

import fr.passerelle.cases.ApplicantAnonymised;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An applicant is anonymised at the end of their retention (docs/personal-data.md): the free text the appeals
 * keep about their cases (the consent's document note, override and withdrawal reasons, the offers' summaries
 * and reasons, the lawyers' reasons to decline) is replaced; who recorded what and when stays. On erasure the
 * rows go with the cases (foreign keys' cascade). In the anonymisation's transaction.
 */
@Component
class AppealsForgetting {
    private static final String ANONYMOUS = "Anonyme";
    private final JdbcTemplate jdbc;

    AppealsForgetting(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void anonymise(ApplicantAnonymised anonymised) {
        String[] cases = anonymised.caseIds().stream().map(Object::toString).toArray(String[]::new);
        jdbc.update("""
                UPDATE app.appeal_consents SET document_note = CASE WHEN document_note IS NULL THEN NULL ELSE ? END,
                    reason = CASE WHEN reason IS NULL THEN NULL ELSE ? END, withdrawal_reason = NULL
                WHERE case_id = ANY (?::uuid[])""", ANONYMOUS, ANONYMOUS, cases);
        jdbc.update(
                "UPDATE app.appeal_offers SET summary = '{}', end_reason = NULL WHERE case_id = ANY (?::uuid[])",
                (Object) cases);
        jdbc.update("""
                UPDATE app.appeal_offer_declines SET reason = ?
                WHERE offer_id IN (SELECT id FROM app.appeal_offers WHERE case_id = ANY (?::uuid[]))""", ANONYMOUS, cases);
    }
}
