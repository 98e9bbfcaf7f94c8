package fr.passerelle.status.internal;

import fr.passerelle.alerts.ApplicantOutbox;
import fr.passerelle.cases.ApplicantAnonymised;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An applicant is anonymised at the end of their retention (docs/personal-data.md): their status links and
 * reminder consents go, and so do the messages written to them (their address and text). The cases are closed by
 * then, so the links no longer opened. On erasure the rows go with the cases (foreign keys' cascade). In the
 * anonymisation's transaction.
 */
@Component
class StatusForgetting {
    private final JdbcTemplate jdbc;
    private final ApplicantOutbox outbox;

    StatusForgetting(JdbcTemplate jdbc, ApplicantOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @EventListener
    void anonymise(ApplicantAnonymised anonymised) {
        String[] cases = anonymised.caseIds().stream().map(Object::toString).toArray(String[]::new);
        jdbc.update("DELETE FROM app.status_reminder_consents WHERE case_id = ANY (?::uuid[])", (Object) cases);
        jdbc.update("DELETE FROM app.status_links WHERE case_id = ANY (?::uuid[])", (Object) cases);
        outbox.forget(anonymised.caseIds());
    }
}
