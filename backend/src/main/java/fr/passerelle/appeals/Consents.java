package fr.passerelle.appeals;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.audit.Audit;
import fr.passerelle.cases.CaseFiles;
import fr.passerelle.security.CurrentUser;
import fr.passerelle.security.Users;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's consent to share their case with a lawyer, recorded before anything of the
 * case leaves the association (RGPD art. 6(1)(a), 7(3) and 9(2)(a): the case holds health and
 * family data; consent may be withdrawn at any time). A coordinator may override its absence
 * with a reason (an OQTF at 48 hours with the person unreachable in retention), which is logged.
 * Withdrawing it withdraws the open offers and ends the lawyer's grant.
 */
@Service
class Consents {
    private final JdbcTemplate jdbc;
    private final CaseFiles cases;
    private final Audit audit;
    private final Clock clock;
    private final Offers offers;

    Consents(JdbcTemplate jdbc, CaseFiles cases, Audit audit, Clock clock, @Lazy Offers offers) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
        this.offers = offers;
    }

    record ConsentView(
            UUID id,
            String kind,
            String documentNote,
            UUID documentId,
            String reason,
            String recordedBy,
            Instant recordedAt) {}

    @Transactional
    ConsentView record(UUID caseId, String documentNote, UUID documentId) {
        Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        cases.requireReadable(caseId);
        if (documentNote == null || documentNote.isBlank()) {
            throw AppealProblems.invalid("documentNote", "required", "say on what document the consent was given");
        }
        if (documentId != null
                && jdbc.queryForObject(
                                "SELECT count(*) FROM app.published_case_documents WHERE id = ? AND case_id = ?",
                                Long.class,
                                documentId,
                                caseId)
                        == 0) {
            throw AppealProblems.invalid("documentId", "unknown_document", "is not a document of this case");
        }
        requireNoneInForce(caseId);
        ConsentView view = insert(caseId, "CONSENT", documentNote.strip(), documentId, null);
        audit.changed(
                caseId,
                "APPEAL_CONSENT_RECORDED",
                "on " + view.documentNote() + (documentId == null ? "" : " (document " + documentId + ")"));
        return view;
    }

    @Transactional
    ConsentView override(UUID caseId, String reason) {
        Tenancy.current().requireAnyOf(COORDINATOR);
        cases.requireReadable(caseId);
        if (reason == null || reason.isBlank()) {
            throw AppealProblems.invalid("reason", "required", "say why the appeal goes to a lawyer without consent");
        }
        requireNoneInForce(caseId);
        ConsentView view = insert(caseId, "OVERRIDE", null, null, reason.strip());
        audit.changed(caseId, "APPEAL_CONSENT_OVERRIDDEN", reason.strip());
        return view;
    }

    /** Withdraws the consent (or the override) in force, and with it the open offers and the lawyer's grant. */
    @Transactional
    void withdraw(UUID caseId, String reason) {
        CurrentAssociation association = Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        cases.requireReadable(caseId);
        CurrentUser me = Users.current().orElseThrow();
        int withdrawn = jdbc.update(
                """
                UPDATE app.appeal_consents SET withdrawn_at = ?, withdrawn_by_id = ?, withdrawn_by_name = ?,
                       withdrawal_reason = ?
                WHERE case_id = ? AND withdrawn_at IS NULL""",
                Timestamp.from(clock.instant()),
                me.id(),
                me.username(),
                reason == null || reason.isBlank() ? null : reason.strip(),
                caseId);
        if (withdrawn == 0) {
            throw AppealProblems.conflict("consent", "no_consent", "no consent is in force for this case");
        }
        audit.changed(caseId, "APPEAL_CONSENT_WITHDRAWN", reason == null ? "" : reason.strip());
        offers.withdrawAll(
                caseId,
                "consentement retiré" + (reason == null || reason.isBlank() ? "" : " : " + reason.strip()),
                association);
    }

    /** The consent or override in force, if any. */
    @Transactional(readOnly = true)
    Optional<ConsentView> inForce(UUID caseId) {
        return jdbc
                .query(
                        """
                SELECT id, kind, document_note, document_id, reason, recorded_by_name, recorded_at
                FROM app.appeal_consents WHERE case_id = ? AND withdrawn_at IS NULL""",
                        (row, i) -> new ConsentView(
                                row.getObject("id", UUID.class),
                                row.getString("kind"),
                                row.getString("document_note"),
                                row.getObject("document_id", UUID.class),
                                row.getString("reason"),
                                row.getString("recorded_by_name"),
                                row.getTimestamp("recorded_at").toInstant()),
                        caseId)
                .stream()
                .findFirst();
    }

    private void requireNoneInForce(UUID caseId) {
        if (inForce(caseId).isPresent()) {
            throw AppealProblems.conflict(
                    "consent", "consent_in_force", "a consent is already in force for this case (withdraw it first)");
        }
    }

    private ConsentView insert(UUID caseId, String kind, String note, UUID documentId, String reason) {
        CurrentUser me = Users.current().orElseThrow();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.update(
                """
                INSERT INTO app.appeal_consents (id, tenant_id, case_id, kind, document_note, document_id, reason,
                                                 recorded_by_id, recorded_by_name, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id,
                Tenancy.current().slug(),
                caseId,
                kind,
                note,
                documentId,
                reason,
                me.id(),
                me.username(),
                Timestamp.from(now));
        return new ConsentView(id, kind, note, documentId, reason, me.username(), now);
    }
}
