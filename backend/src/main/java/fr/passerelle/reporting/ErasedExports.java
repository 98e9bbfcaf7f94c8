package fr.passerelle.reporting;

import fr.passerelle.cases.ApplicantAnonymised;
import fr.passerelle.cases.ApplicantErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An applicant is erased (GDPR art. 17) or anonymised: the association's stored workbooks with names may name them, so their
 * files go (the export stays listed, expired), and the exports with names not yet written are failed: one that
 * read the cases before the erasure committed cannot store its file after it (its last update needs it RUNNING).
 * Exports without names hold no one's identity and stay. In the erasure's transaction.
 */
@Component
class ErasedExports {
    static final String ERASURE = "ApplicantErased";
    private final JdbcTemplate jdbc;

    ErasedExports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void erase(ApplicantErased erased) {
        dropNamed();
    }

    /** An applicant anonymised at the end of their retention: the same, for the same reason. */
    @EventListener
    void anonymise(ApplicantAnonymised anonymised) {
        dropNamed();
    }

    private void dropNamed() {
        jdbc.update("""
                UPDATE app.export_jobs SET status = 'EXPIRED', file = NULL
                WHERE with_names AND status = 'DONE'""");
        jdbc.update("""
                UPDATE app.export_jobs SET status = 'FAILED', error = ?
                WHERE with_names AND status IN ('QUEUED', 'RUNNING')""", ERASURE);
    }
}
