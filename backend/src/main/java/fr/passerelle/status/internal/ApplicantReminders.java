package fr.passerelle.status.internal;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.alerts.ApplicantOutbox;
import fr.passerelle.audit.Audit;
import fr.passerelle.cases.CaseFiles;
import fr.passerelle.cases.CaseForApplicant;
import fr.passerelle.deadlines.LegalDeadlines;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.AssociationRepository;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.Problem;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders to the applicant (issue 23), only with their consent, which staff record on the status link's
 * section (who, when) and can withdraw. A planner, on every node, looks at each consenting case's coming
 * appointments (prefecture, commission, hearing) and the prefecture's requests for documents (the dates
 * come from {@link StatusPages#deadlines}, never the tasks' names); 7 days and the day before (08:00, local
 * to the case's department) it writes one message to the address of the case's applicant record, in the
 * status page's language (texts in {@code status/reminders*.properties}: French, English, Arabic; the others
 * fall back to French), with the pieces still to bring, into the alerts module's {@link ApplicantOutbox},
 * whose dispatcher sends it with its retries. Never a staff name, a note or a task's name.
 */
@Service
public class ApplicantReminders {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicantReminders.class);
    /** The deadlines a reminder is sent for: the applicant's own appointments and the documents to bring. */
    static final Set<String> KINDS = Set.of("APPOINTMENT", "COMMISSION", "HEARING", "DOCUMENTS_REQUESTED");
    /** Days before the date a reminder goes, at {@link #HOUR}; only the latest one past is sent. */
    static final List<Integer> DAYS_BEFORE = List.of(7, 1);

    static final LocalTime HOUR = LocalTime.of(8, 0);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AssociationScope scope;
    private final AssociationRepository associations;
    private final CaseFiles cases;
    private final CaseForApplicant applicantCases;
    private final StatusPages pages;
    private final ApplicantOutbox outbox;
    private final Audit audit;
    private final Clock clock;
    private final boolean scheduled;

    ApplicantReminders(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            AssociationScope scope,
            AssociationRepository associations,
            CaseFiles cases,
            CaseForApplicant applicantCases,
            StatusPages pages,
            ApplicantOutbox outbox,
            Audit audit,
            Clock clock,
            @Value("${passerelle.alerts.dispatch:true}") boolean scheduled) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.scope = scope;
        this.associations = associations;
        this.cases = cases;
        this.applicantCases = applicantCases;
        this.pages = pages;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    /**
     * The case's reminders as staff see them: the applicant record's address ({@code null} when it has none),
     * and the consent on the channel: given by whom and when, withdrawn by whom and when ({@code active} when
     * given and not withdrawn).
     */
    public record Consent(
            String channel,
            String address,
            boolean active,
            Instant consented,
            String consentedBy,
            Instant withdrawn,
            String withdrawnBy) {}

    /** The case's e-mail reminders' consent and address. */
    @Transactional(readOnly = true)
    public Consent of(UUID caseId) {
        requireStaffOf(caseId);
        String address = applicantCases.email(caseId).orElse(null);
        return jdbc
                .query(
                        """
                        SELECT consented, consented_by, withdrawn, withdrawn_by FROM app.status_reminder_consents
                        WHERE case_id = ? AND channel = ?""",
                        (row, i) -> new Consent(
                                ApplicantOutbox.EMAIL,
                                address,
                                row.getTimestamp("withdrawn") == null,
                                row.getTimestamp("consented").toInstant(),
                                row.getString("consented_by"),
                                Optional.ofNullable(row.getTimestamp("withdrawn"))
                                        .map(Timestamp::toInstant)
                                        .orElse(null),
                                row.getString("withdrawn_by")),
                        caseId,
                        ApplicantOutbox.EMAIL)
                .stream()
                .findFirst()
                .orElse(new Consent(ApplicantOutbox.EMAIL, address, false, null, null, null, null));
    }

    /**
     * Records the applicant's consent to e-mail reminders (409 when their record has no e-mail address or the
     * case is closed); giving it again after a withdrawal starts it again.
     */
    @Transactional
    public Consent consent(UUID caseId) {
        requireStaffOf(caseId);
        if (applicantCases.email(caseId).isEmpty()) {
            throw Problem.conflict("status_reminders_no_email");
        }
        if (applicantCases.status(caseId).closed()) {
            throw Problem.conflict("status_link_case_closed");
        }
        jdbc.update(
                """
                INSERT INTO app.status_reminder_consents (tenant_id, case_id, channel, consented, consented_by)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, case_id, channel) DO UPDATE SET consented = excluded.consented,
                    consented_by = excluded.consented_by, withdrawn = NULL, withdrawn_by = NULL""", Tenancy.current().slug(), caseId, ApplicantOutbox.EMAIL, Timestamp.from(clock.instant()), by());
        audit.changed(caseId, "STATUS_REMINDERS_CONSENTED", ApplicantOutbox.EMAIL);
        return of(caseId);
    }

    /** Withdraws the consent: nothing more is sent, what was waiting is cancelled (404 when none is active). */
    @Transactional
    public Consent withdraw(UUID caseId) {
        requireStaffOf(caseId);
        int withdrawn = jdbc.update("""
                UPDATE app.status_reminder_consents SET withdrawn = ?, withdrawn_by = ?
                WHERE case_id = ? AND channel = ? AND withdrawn IS NULL""", Timestamp.from(clock.instant()), by(), caseId, ApplicantOutbox.EMAIL);
        if (withdrawn == 0) {
            throw Problem.notFound("status_reminders_none");
        }
        outbox.cancel(caseId, ApplicantOutbox.EMAIL);
        audit.changed(caseId, "STATUS_REMINDERS_WITHDRAWN", ApplicantOutbox.EMAIL);
        return of(caseId);
    }

    @Scheduled(fixedDelayString = "${passerelle.status.reminders-interval:PT5M}", initialDelayString = "PT1M")
    void onSchedule() {
        if (scheduled) {
            try {
                plan();
            } catch (RuntimeException e) {
                LOG.warn("Applicants' reminders not planned this time: {}", e.toString());
            }
        }
    }

    /** Queues the reminders due now by the engine's clock, in every association; how many were queued. */
    public int plan() {
        int queued = 0;
        for (var association : associations.findAll()) {
            List<UUID> consenting = scope.call(
                    association.slug(),
                    () -> transactions.execute(status -> jdbc.queryForList(
                            "SELECT case_id FROM app.status_reminder_consents WHERE withdrawn IS NULL AND channel = ?",
                            UUID.class,
                            ApplicantOutbox.EMAIL)));
            for (UUID caseId : consenting) {
                Integer made = scope.call(
                        association.slug(), () -> transactions.execute(status -> planCase(caseId, association.name())));
                queued += made == null ? 0 : made;
            }
        }
        return queued;
    }

    private int planCase(UUID caseId, String association) {
        CaseForApplicant.Status status = applicantCases.status(caseId);
        Optional<String> address = applicantCases.email(caseId);
        if (status.closed() || address.isEmpty()) {
            return 0;
        }
        ZoneId zone = LegalDeadlines.zoneOf(status.department());
        Instant now = clock.instant();
        int queued = 0;
        for (StatusPages.Deadline deadline : pages.deadlines(caseId, zone)) {
            if (!KINDS.contains(deadline.kind())) {
                continue;
            }
            // the latest threshold already reached, if any: that one says it all
            Integer days = DAYS_BEFORE.stream()
                    .filter(d -> !deadline.on()
                            .minusDays(d)
                            .atTime(HOUR)
                            .atZone(zone)
                            .toInstant()
                            .isAfter(now))
                    .min(Integer::compare)
                    .orElse(null);
            if (days == null) {
                continue;
            }
            ReminderTexts texts = ReminderTexts.in(language(caseId));
            var message = new ApplicantOutbox.Message(
                    ApplicantOutbox.EMAIL,
                    address.get(),
                    texts.language(),
                    texts.subject(deadline),
                    texts.body(
                            deadline,
                            status.pieces(),
                            association,
                            pages.contact().orElse(null)));
            if (outbox.queue(caseId, deadline.kind() + "/" + deadline.on() + "/D" + days, now, message)) {
                queued++;
            }
        }
        return queued;
    }

    /** The status page's language: the case's latest link's (the applicant may have changed it), else French. */
    private String language(UUID caseId) {
        return jdbc.queryForList("""
                        SELECT language FROM app.status_links WHERE case_id = ?
                        ORDER BY (revoked IS NULL) DESC, created DESC LIMIT 1""", String.class, caseId).stream().findFirst().orElse("fr");
    }

    private void requireStaffOf(UUID caseId) {
        Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        cases.requireReadable(caseId);
    }

    private static String by() {
        return Users.current().map(user -> user.username()).orElse("system");
    }

    /** A reminder's words in one language, from the bundle {@code status/reminders} (French when missing). */
    record ReminderTexts(ResourceBundle bundle, String language) {
        static ReminderTexts in(String language) {
            ResourceBundle bundle = ResourceBundle.getBundle(
                    "status/reminders",
                    Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String found = bundle.getLocale().getLanguage();
            return new ReminderTexts(bundle, found.isEmpty() ? "fr" : found);
        }

        String subject(StatusPages.Deadline deadline) {
            return text("subject." + deadline.kind(), day(deadline.on()));
        }

        String body(
                StatusPages.Deadline deadline,
                List<CaseForApplicant.Piece> pieces,
                String association,
                String contact) {
            StringBuilder body = new StringBuilder(text("greeting")).append("\n\n");
            body.append(text("intro." + deadline.kind(), day(deadline.on()))).append("\n\n");
            List<String> toBring = pieces.stream()
                    .filter(piece -> piece.state() != CaseForApplicant.PieceState.RECEIVED && !piece.atDelivery())
                    .map(this::piece)
                    .toList();
            if (toBring.isEmpty()) {
                body.append(text("pieces.none")).append("\n\n");
            } else {
                body.append(text("pieces")).append('\n');
                toBring.forEach(piece -> body.append("- ").append(piece).append('\n'));
                body.append('\n');
            }
            if (contact != null) {
                body.append(text("contact", contact)).append("\n\n");
            }
            body.append("-- \n").append(text("signature", association));
            return body.toString();
        }

        /** In French, the prefecture's name of the piece; otherwise its translation, then that name. */
        private String piece(CaseForApplicant.Piece piece) {
            return "fr".equals(language)
                            || piece.label() == null
                            || piece.label().equals(piece.labelFr())
                    ? piece.labelFr()
                    : piece.label() + " (" + piece.labelFr() + ")";
        }

        private String day(LocalDate on) {
            return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag(language))
                    .format(on);
        }

        private String text(String key, Object... args) {
            return new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language)).format(args);
        }
    }
}
