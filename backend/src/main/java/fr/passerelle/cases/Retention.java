package fr.passerelle.cases;

import fr.passerelle.audit.Audit;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.AssociationTime;
import fr.passerelle.web.InputRefusal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long an applicant's data is kept, and its anonymisation when that time is over (GDPR art. 5(1)(e), storage
 * limitation). Each association sets its period, in months after the last contact once all the applicant's cases
 * are closed: 24 by default, after the CNIL's référentiel for social support of people in difficulty (délibération
 * n° 2021-028 du 11 mars 2021, https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000043274920: two years after the
 * last contact).
 * The last contact is the latest of the cases' closing dates and last changes.
 * <p>A daily job on every node anonymises the applicants whose period is over: each one is claimed with {@code FOR
 * UPDATE SKIP LOCKED} in a transaction of its own, so two nodes never anonymise the same applicant and a failure
 * leaves the others done. Anonymising keeps the cases and their anonymous figures (ground, department, prefecture,
 * steps, dates, outcome: the statistics' counters do not move), removes the applicant's identity, contacts, birth
 * date, family and free text, the cases' notes and documents, blanks the audit's details, and publishes {@link
 * ApplicantAnonymised} for the other modules' part (the engine's history, appeals' free text, exports).
 */
@Service
public class Retention {
    /** The default period, in months: CNIL, délibération n° 2021-028 (two years after the last contact). */
    public static final int DEFAULT_MONTHS = 24;

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final String ANONYMOUS = "Anonyme";
    private final JdbcTemplate jdbc;
    private final CaseAccess access;
    private final Audit audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AssociationScope scope;
    private final TransactionTemplate transactions;

    Retention(
            JdbcTemplate jdbc,
            CaseAccess access,
            Audit audit,
            Clock clock,
            ApplicationEventPublisher events,
            AssociationScope scope,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.scope = scope;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The association's period, in months. */
    @Transactional(readOnly = true)
    public int months() {
        access.requireStaff();
        return currentMonths();
    }

    /** Only a coordinator sets the period: 1 to 120 months (400 naming {@code months} otherwise). */
    @Transactional
    public int setMonths(Integer months) {
        String association = access.requireCoordinator().slug();
        if (months == null || months < 1 || months > 120) {
            throw InputRefusal.invalid(
                    "months", InputRefusal.Fault.of("not_between", "must be a whole number from {0} to {1}", 1, 120));
        }
        int before = currentMonths();
        jdbc.update(
                """
                INSERT INTO app.retention_settings (tenant_id, months, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET months = excluded.months, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""",
                association,
                months,
                Timestamp.from(clock.instant()),
                Users.current().orElseThrow().id());
        audit.changed(null, "RETENTION_SET", before + " -> " + months + " months");
        return months;
    }

    /**
     * When the applicant's data will be anonymised: the last contact plus the period, once every case is closed
     * ({@code anonymiseOn} null while one is open); {@code anonymisedAt} once done.
     */
    public record Plan(
            int months, int openCases, LocalDate lastContact, LocalDate anonymiseOn, java.time.Instant anonymisedAt) {}

    @Transactional(readOnly = true)
    public Plan plan(UUID applicantId) {
        access.requireStaff();
        int months = currentMonths();
        var row = jdbc.queryForList("""
                SELECT a.anonymised_at,
                       (SELECT count(*) FROM app.cases c WHERE c.applicant_id = a.id AND c.closed_on IS NULL) AS open,
                       (SELECT max(greatest(c.closed_on, (c.updated_at AT TIME ZONE 'Europe/Paris')::date))
                        FROM app.cases c WHERE c.applicant_id = a.id) AS last_contact
                FROM app.applicants a WHERE a.id = ?""", applicantId);
        if (row.isEmpty()) {
            throw new ApplicantNotFoundException(applicantId);
        }
        var r = row.get(0);
        int open = ((Number) r.get("open")).intValue();
        LocalDate last = r.get("last_contact") == null ? null : ((Date) r.get("last_contact")).toLocalDate();
        Timestamp done = (Timestamp) r.get("anonymised_at");
        return new Plan(
                months,
                open,
                last,
                open > 0 || last == null ? null : last.plusMonths(months),
                done == null ? null : done.toInstant());
    }

    @Scheduled(cron = "${passerelle.retention.cron:0 15 3 * * *}", zone = "Europe/Paris")
    void daily() {
        try {
            int done = anonymiseDue();
            if (done > 0) {
                LOG.info("Retention: {} applicants anonymised", done);
            }
        } catch (RuntimeException e) {
            LOG.warn("Retention: not run this time: {}", e.toString());
        }
    }

    /** Anonymises every applicant of every association whose period is over by the clock; how many. */
    public int anonymiseDue() {
        int done = 0;
        for (String association : jdbc.queryForList("SELECT slug FROM app.associations ORDER BY slug", String.class)) {
            while (Boolean.TRUE.equals(
                    scope.call(association, () -> transactions.execute(status -> anonymiseOne(association))))) {
                done++;
            }
        }
        return done;
    }

    /** Claims one due applicant of the association and anonymises them; false when none is due. */
    private boolean anonymiseOne(String association) {
        LocalDate today = LocalDate.now(clock.withZone(AssociationTime.ZONE));
        List<UUID> due = jdbc.queryForList("""
                SELECT a.id FROM app.applicants a
                WHERE a.tenant_id = ? AND a.anonymised_at IS NULL
                  AND EXISTS (SELECT 1 FROM app.cases c WHERE c.applicant_id = a.id)
                  AND NOT EXISTS (SELECT 1 FROM app.cases c WHERE c.applicant_id = a.id AND c.closed_on IS NULL)
                  AND (SELECT max(greatest(c.closed_on, (c.updated_at AT TIME ZONE 'Europe/Paris')::date))
                       FROM app.cases c WHERE c.applicant_id = a.id) + make_interval(months => ?) <= ?
                ORDER BY a.id LIMIT 1 FOR UPDATE OF a SKIP LOCKED""", UUID.class, association, currentMonths(), Date.valueOf(today));
        if (due.isEmpty()) {
            return false;
        }
        UUID applicantId = due.get(0);
        List<UUID> caseIds = jdbc.queryForList(
                "SELECT id FROM app.cases WHERE applicant_id = ? ORDER BY created_at", UUID.class, applicantId);
        jdbc.update("""
                UPDATE app.applicants SET first_name = NULL, last_name = ?, birth_date = NULL, nationality = NULL,
                    entry_date = NULL, languages = '[]', interpreter_needed = false, interpreter_language = NULL,
                    phone = NULL, email = NULL, address_line = NULL, postal_code = NULL, city = NULL, family = '{}',
                    family_notes = NULL, anonymised_at = ?
                WHERE id = ?""", ANONYMOUS, Timestamp.from(clock.instant()), applicantId);
        String[] ids = caseIds.stream().map(UUID::toString).toArray(String[]::new);
        jdbc.update("DELETE FROM app.case_notes WHERE case_id = ANY (?::uuid[])", (Object) ids);
        jdbc.update("DELETE FROM app.case_documents WHERE case_id = ANY (?::uuid[])", (Object) ids);
        jdbc.update("UPDATE app.checklist_items SET note = NULL WHERE case_id = ANY (?::uuid[])", (Object) ids);
        jdbc.update("UPDATE app.filing_overrides SET reason = ? WHERE case_id = ANY (?::uuid[])", ANONYMOUS, ids);
        audit.forget(caseIds, applicantId);
        events.publishEvent(new ApplicantAnonymised(association, applicantId, caseIds));
        for (UUID caseId : caseIds) {
            audit.changed(caseId, "CASE_ANONYMISED", null);
        }
        return true;
    }

    private int currentMonths() {
        return jdbc.queryForList("SELECT months FROM app.retention_settings", Integer.class).stream()
                .findFirst()
                .orElse(DEFAULT_MONTHS);
    }
}
