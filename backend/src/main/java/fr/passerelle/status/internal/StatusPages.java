package fr.passerelle.status.internal;

import fr.passerelle.cases.CaseForApplicant;
import fr.passerelle.cases.CaseOutcome;
import fr.passerelle.cases.CaseStatus;
import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.procedure.OpenTasks;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.AssociationRepository;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.InputRefusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the applicant's status page shows: where their case stands, its dates and the coming deadlines in
 * plain kinds (the page words them in the applicant's language), the pieces still to bring, and how to reach
 * the association. Built only from {@link CaseForApplicant} (no notes, no staff, no lawyer's work), the dates
 * of the case's open tasks ({@link OpenTasks#deadlinesOf}: never their names) and the association's contact.
 */
@Service
public class StatusPages {
    /**
     * The deadlines an applicant has a part in, by the kind the page words: their appointments, the
     * prefecture's requests, their récépissé (R431-15-1 CESEDA), their card's renewal window (R431-5 CESEDA),
     * and an appeal's delay (L614-1 CESEDA, R421-1 CJA), which the association must know of in time. The
     * rest (the association's follow-ups, the court's own delays) is the staff's and the lawyer's.
     */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("at:appointmentDate", "APPOINTMENT"),
            Map.entry("at:meetingDate", "COMMISSION"),
            Map.entry("COMMISSION_CONVOCATION", "COMMISSION"),
            Map.entry("at:hearingDate", "HEARING"),
            Map.entry("at:missingPiecesDueDate", "DOCUMENTS_REQUESTED"),
            Map.entry("at:documentsDueDate", "DOCUMENTS_REQUESTED"),
            Map.entry("PREFECTURE_DEADLINE", "DOCUMENTS_REQUESTED"),
            Map.entry("at:receiptValidUntil", "RECEIPT_ENDS"),
            Map.entry("RECEIPT_EXPIRY", "RECEIPT_ENDS"),
            Map.entry("RECEIPT_RENEWAL", "RECEIPT_RENEWAL"),
            Map.entry("RENEWAL_WINDOW_CLOSES", "RENEWAL_LAST_DAY"),
            Map.entry("RENEWAL_ONLINE_CLOSES", "RENEWAL_LAST_DAY"),
            Map.entry("RENEWAL_PREFECTURE_CLOSES", "RENEWAL_LAST_DAY"),
            Map.entry("AGE_LIMITED_GROUND", "APPLY_BEFORE"),
            Map.entry("CONTENTIOUS_APPEAL", "APPEAL"),
            Map.entry("ADMINISTRATIVE_APPEAL", "APPEAL"),
            Map.entry("PRINTED_DEADLINE", "APPEAL"),
            Map.entry("OQTF_ORDINARY", "APPEAL"),
            Map.entry("OQTF_HOUSE_ARREST", "APPEAL"),
            Map.entry("OQTF_RETENTION", "APPEAL"),
            Map.entry("CAA_APPEAL", "APPEAL"),
            Map.entry("CAA_APPEAL_OQTF", "APPEAL"));

    private final CaseForApplicant cases;
    private final OpenTasks tasks;
    private final AssociationRepository associations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    StatusPages(
            CaseForApplicant cases,
            OpenTasks tasks,
            AssociationRepository associations,
            JdbcTemplate jdbc,
            Clock clock) {
        this.cases = cases;
        this.tasks = tasks;
        this.associations = associations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A coming date of the applicant's procedure: its kind and day (local to the case's department). */
    public record Deadline(String kind, LocalDate on) {}

    /** The case's own dates the page may tell. */
    public record Dates(
            LocalDate appointmentOn,
            LocalDate filedOn,
            LocalDate receiptExpiresOn,
            LocalDate commissionOn,
            LocalDate decidedOn,
            LocalDate notifiedOn) {}

    /** The applicant's status page. */
    public record Page(
            String language,
            List<String> languages,
            String association,
            String contact,
            CaseStatus status,
            String step,
            boolean renewal,
            String prefecture,
            Dates dates,
            CaseOutcome outcome,
            List<Deadline> deadlines,
            List<CaseForApplicant.Piece> pieces) {}

    /** The page of the link's case, in its language (within {@link StatusLinks#withCode}). */
    public Page of(StatusLinks.Opened link, String language) {
        CaseForApplicant.Status status = cases.status(link.caseId());
        ZoneId zone = LegalDeadlines.zoneOf(status.department());
        List<Deadline> deadlines = deadlines(link.caseId(), zone);
        return new Page(
                language,
                StatusLanguages.ALL,
                associations.findById(link.association()).map(a -> a.name()).orElse(null),
                contact().orElse(null),
                status.status(),
                status.step(),
                status.renewal(),
                status.prefecture(),
                new Dates(
                        status.appointmentOn(),
                        status.filedOn(),
                        status.receiptExpiresOn(),
                        status.commissionOn(),
                        status.decidedOn(),
                        status.notifiedOn()),
                status.outcome(),
                deadlines,
                status.pieces());
    }

    /**
     * The case's coming deadlines the applicant has a part in, soonest first, each on its day local to
     * {@code zone} (from {@link OpenTasks#deadlinesOf}: never the tasks' names).
     */
    List<Deadline> deadlines(java.util.UUID caseId, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return tasks.deadlinesOf(caseId).stream()
                .filter(deadline -> KINDS.containsKey(deadline.rule()))
                .map(deadline -> new Deadline(
                        KINDS.get(deadline.rule()),
                        // a deadline ends at the end of its day; an appointment is at its moment
                        deadline.due()
                                .minusSeconds(deadline.rule().startsWith("at:") ? 0 : 1)
                                .atZone(zone)
                                .toLocalDate()))
                .filter(deadline -> !deadline.on().isBefore(today))
                .distinct()
                .toList();
    }

    /** What the association tells applicants of how to reach it (phone, address, opening hours), or empty. */
    @Transactional(readOnly = true)
    public Optional<String> contact() {
        return jdbc.queryForList("SELECT contact FROM app.status_contacts", String.class).stream()
                .findFirst();
    }

    /** Staff set the association's contact for the status pages. */
    @Transactional
    public String setContact(String contact) {
        Tenancy.current().requireAnyOf(fr.passerelle.security.Role.CASEWORKER, fr.passerelle.security.Role.COORDINATOR);
        String text = contact == null ? "" : contact.strip();
        if (text.isEmpty()) {
            throw InputRefusal.invalid("contact", InputRefusal.Fault.of("required", "is required"));
        }
        if (text.length() > 1000) {
            throw InputRefusal.invalid(
                    "contact", InputRefusal.Fault.of("too_long", "longer than {0} characters", 1000));
        }
        jdbc.update(
                """
                INSERT INTO app.status_contacts (tenant_id, contact, updated, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET contact = excluded.contact, updated = excluded.updated,
                    updated_by = excluded.updated_by""",
                Tenancy.current().slug(),
                text,
                Timestamp.from(clock.instant()),
                Users.current().map(user -> user.username()).orElse("system"));
        return text;
    }

    @Configuration
    @EnableConfigurationProperties(StatusProperties.class)
    static class Settings {}
}
