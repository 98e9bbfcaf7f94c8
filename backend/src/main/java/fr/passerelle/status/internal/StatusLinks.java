package fr.passerelle.status.internal;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.audit.Audit;
import fr.passerelle.cases.CaseFiles;
import fr.passerelle.cases.CaseForApplicant;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.AssociationScope;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.InputRefusal;
import fr.passerelle.web.Problem;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The links staff give an applicant to their own status page. Staff (caseworkers and coordinators of the
 * case's association) give one (a new one revokes the case's previous), show it again, revoke it. The
 * applicant opens it with no account: the association and the token in the address find it, under that
 * association ({@link AssociationScope}); an unknown token, a revoked link, a closed case answer 404, and
 * nothing of the case is read before the 6-digit code matches. After {@value LinkSecrets#ATTEMPTS} wrong
 * codes in a row the link locks (423) until staff give a new one. Every view is in the case's audit log.
 */
@Service
public class StatusLinks {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern ASSOCIATION = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AssociationScope scope;
    private final CaseFiles cases;
    private final CaseForApplicant applicantCases;
    private final Audit audit;
    private final Clock clock;
    private final StatusProperties properties;
    private final LinkSecrets secrets;

    StatusLinks(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            AssociationScope scope,
            CaseFiles cases,
            CaseForApplicant applicantCases,
            Audit audit,
            Clock clock,
            StatusProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.scope = scope;
        this.cases = cases;
        this.applicantCases = applicantCases;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.secrets = new LinkSecrets(properties.linkKey());
    }

    /**
     * A case's active link as staff see it: its address and code ({@code null} both when it was sealed under
     * a key this service no longer has: give a new one), the page's language, and how it has been used.
     */
    public record Link(
            String url,
            String code,
            String language,
            Instant created,
            String createdBy,
            Instant lastViewed,
            int failedAttempts,
            boolean locked) {}

    /** The case's active link, or empty. */
    @Transactional(readOnly = true)
    public Optional<Link> current(UUID caseId) {
        requireStaffOf(caseId);
        return jdbc.query("""
                        SELECT sealed, language, created, created_by, last_viewed, failed_attempts, locked
                        FROM app.status_links WHERE case_id = ? AND revoked IS NULL""", (row, i) -> link(row), caseId).stream().findFirst();
    }

    /** A new link for the case in this language, revoking its previous one; refused (409) for a closed case. */
    @Transactional
    public Link give(UUID caseId, String language) {
        requireStaffOf(caseId);
        StatusLanguages.require(language);
        if (applicantCases.status(caseId).closed()) {
            throw Problem.conflict("status_link_case_closed");
        }
        revokeActive(caseId);
        LinkSecrets.Secrets given = LinkSecrets.newSecrets();
        String by = Users.current().map(user -> user.username()).orElse("system");
        jdbc.update(
                """
                INSERT INTO app.status_links (id, tenant_id, case_id, token_hash, code_hash, sealed, language,
                    created, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID(),
                Tenancy.current().slug(),
                caseId,
                LinkSecrets.tokenHash(given.token()),
                LinkSecrets.codeHash(given.token(), given.code()),
                secrets.seal(given),
                language,
                Timestamp.from(clock.instant()),
                by);
        audit.changed(caseId, "STATUS_LINK_GIVEN", language);
        return current(caseId).orElseThrow();
    }

    /** Revokes the case's active link (404 when there is none). */
    @Transactional
    public void revoke(UUID caseId) {
        requireStaffOf(caseId);
        if (!revokeActive(caseId)) {
            throw Problem.notFound("status_link_none");
        }
        audit.changed(caseId, "STATUS_LINK_REVOKED", null);
    }

    private boolean revokeActive(UUID caseId) {
        return jdbc.update(
                        "UPDATE app.status_links SET revoked = ? WHERE case_id = ? AND revoked IS NULL",
                        Timestamp.from(clock.instant()),
                        caseId)
                > 0;
    }

    private void requireStaffOf(UUID caseId) {
        Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        cases.requireReadable(caseId);
    }

    private Link link(ResultSet row) throws SQLException {
        Optional<LinkSecrets.Secrets> open = secrets.open(row.getBytes("sealed"));
        Timestamp viewed = row.getTimestamp("last_viewed");
        return new Link(
                open.map(s -> properties.appBase() + "/suivi/"
                                + Tenancy.current().slug() + "/" + s.token())
                        .orElse(null),
                open.map(LinkSecrets.Secrets::code).orElse(null),
                row.getString("language"),
                row.getTimestamp("created").toInstant(),
                row.getString("created_by"),
                viewed == null ? null : viewed.toInstant(),
                row.getInt("failed_attempts"),
                row.getTimestamp("locked") != null);
    }

    // --- the applicant's side: no account, the association and token from the address ---

    /** Whether the address is an active link (its code still to be given): nothing of the case either way. */
    public void requireActive(String association, String token) {
        scope.call(
                association(association),
                () -> transactions.execute(status -> {
                    Opened link = find(association, token);
                    if (applicantCases.status(link.caseId()).closed()) {
                        throw notFound();
                    }
                    return null;
                }));
    }

    /**
     * With the right code, works on the link's case (as its association, with no role) and writes {@code
     * action} (unless null: the work writes its own) in the case's audit log; with a wrong one, counts the attempt (and locks the link at
     * the last) and refuses with nothing of the case.
     */
    public <T> T withCode(String association, String token, String code, String action, Function<Opened, T> work) {
        requireWellFormed(code, Map.of());
        Attempt<T> attempt = scope.call(
                association(association),
                () -> transactions.execute(status -> {
                    Opened link = find(association, token);
                    if (link.locked()) {
                        return new Attempt<T>(null, -1);
                    }
                    if (!LinkSecrets.codeMatches(token, code, link.codeHash())) {
                        int failed = jdbc.queryForObject(
                                """
                        UPDATE app.status_links SET failed_attempts = failed_attempts + 1,
                            locked = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked END
                        WHERE id = ? RETURNING failed_attempts""", Integer.class, LinkSecrets.ATTEMPTS, Timestamp.from(clock.instant()), link.id());
                        return new Attempt<T>(null, Math.max(LinkSecrets.ATTEMPTS - failed, 0));
                    }
                    if (applicantCases.status(link.caseId()).closed()) {
                        throw notFound();
                    }
                    jdbc.update(
                            "UPDATE app.status_links SET failed_attempts = 0, last_viewed = ? WHERE id = ?",
                            Timestamp.from(clock.instant()),
                            link.id());
                    if (action != null) {
                        audit.byApplicant(link.caseId(), action, "status page (applicant's link)");
                    }
                    return new Attempt<>(work.apply(link), null);
                }));
        if (attempt.attemptsLeft() != null) {
            throw attempt.attemptsLeft() <= 0
                    ? new Problem(HttpStatus.LOCKED, "status_link_locked")
                    : new Problem(HttpStatus.FORBIDDEN, "status_code_wrong", attempt.attemptsLeft());
        }
        return attempt.result();
    }

    /** Refuses (400) a code that is not 6 digits together with the request's other faults, each named. */
    public static void requireWellFormed(String code, Map<String, InputRefusal.Fault> others) {
        Map<String, InputRefusal.Fault> faults = new LinkedHashMap<>(others);
        if (code == null || !CODE.matcher(code).matches()) {
            faults.put("code", InputRefusal.Fault.of("not_access_code", "must be the 6 digits given"));
        }
        if (!faults.isEmpty()) {
            throw InputRefusal.invalid(faults);
        }
    }

    private record Attempt<T>(T result, Integer attemptsLeft) {}

    /** An active link found by its token, in its association's scope. */
    public record Opened(UUID id, UUID caseId, String association, String language, String codeHash, boolean locked) {}

    /** The applicant's choice of language, kept for their next visit. */
    public void chooseLanguage(Opened link, String language) {
        StatusLanguages.require(language);
        jdbc.update("UPDATE app.status_links SET language = ? WHERE id = ?", language, link.id());
    }

    /** A file the applicant sent for a piece of their checklist (in the work of {@link #withCode}). */
    public UUID upload(Opened link, String piece, String filename, String contentType, InputStream content) {
        return applicantCases.upload(link.caseId(), piece, filename, contentType, content);
    }

    private Opened find(String association, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw notFound();
        }
        List<Opened> found = jdbc.query(
                """
                SELECT id, case_id, language, code_hash, locked FROM app.status_links
                WHERE tenant_id = ? AND token_hash = ? AND revoked IS NULL FOR UPDATE""",
                (row, i) -> new Opened(
                        row.getObject("id", UUID.class),
                        row.getObject("case_id", UUID.class),
                        association,
                        row.getString("language"),
                        row.getString("code_hash"),
                        row.getTimestamp("locked") != null),
                association,
                LinkSecrets.tokenHash(token));
        return found.stream().findFirst().orElseThrow(StatusLinks::notFound);
    }

    private static String association(String association) {
        if (association == null || !ASSOCIATION.matcher(association).matches()) {
            throw notFound();
        }
        return association;
    }

    private static Problem notFound() {
        return Problem.notFound("status_link_not_found");
    }
}
