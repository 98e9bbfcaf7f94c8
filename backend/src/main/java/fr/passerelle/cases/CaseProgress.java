package fr.passerelle.cases;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes where a case stands as its procedure moves (status, step, outcome and the dates the
 * procedure learns), called by the engine's listener inside the engine's transaction: the case
 * row and the engine's state commit or roll back together. The caller has bound the case's
 * association to the transaction. A date the case's own checks would refuse (a decision before
 * the filing the caseworker typed) is left out and logged rather than breaking the engine's
 * command: the procedure goes on, the case keeps its consistent dates.
 */
@Component
public class CaseProgress {
    private static final Logger LOG = LoggerFactory.getLogger(CaseProgress.class);
    private final JdbcTemplate jdbc;

    CaseProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What one engine command changed for one case; null fields change nothing. */
    public record Change(
            String step,
            CaseStatus status,
            LocalDate appointmentOn,
            LocalDate filedOn,
            LocalDate receiptExpiresOn,
            List<Outcome> outcomes,
            LocalDate closedOn) {
        public record Outcome(CaseOutcome outcome, LocalDate on) {}
    }

    /** Applies a change to a case; returns false when the case is not there (deleted, or not the association's). */
    public boolean apply(UUID caseId, Change change, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT tenant_id, status, step, filed_on, decided_on, notified_on, receipt_expires_on
                FROM app.cases WHERE id = ? FOR UPDATE""", caseId);
        if (rows.isEmpty()) {
            return false;
        }
        Map<String, Object> row = rows.get(0);
        String tenant = (String) row.get("tenant_id");
        LocalDate filedOn = date(row.get("filed_on"));
        LocalDate decidedOn = date(row.get("decided_on"));
        LocalDate notifiedOn = date(row.get("notified_on"));
        LocalDate receiptExpiresOn = date(row.get("receipt_expires_on"));
        if (change.filedOn() != null) {
            if ((decidedOn == null || !change.filedOn().isAfter(decidedOn))
                    && (receiptExpiresOn == null || receiptExpiresOn.isAfter(change.filedOn()))) {
                filedOn = change.filedOn();
            } else {
                LOG.warn("Case {}: filing date {} left out, it contradicts the case's dates", caseId, change.filedOn());
            }
        }
        if (change.receiptExpiresOn() != null) {
            if (filedOn == null || change.receiptExpiresOn().isAfter(filedOn)) {
                receiptExpiresOn = change.receiptExpiresOn();
            } else {
                LOG.warn("Case {}: receipt end {} left out, not after the filing", caseId, change.receiptExpiresOn());
            }
        }
        CaseOutcome latest = null;
        LocalDate latestOn = null;
        for (Change.Outcome outcome : change.outcomes()) {
            latest = outcome.outcome();
            latestOn = outcome.on();
            if (outcome.outcome().isDecision()) {
                // the decision's own date is rarely known apart from its notification: both take it
                if (filedOn == null || !outcome.on().isBefore(filedOn)) {
                    decidedOn = outcome.on();
                    notifiedOn = outcome.on();
                } else {
                    LOG.warn("Case {}: decision date {} left out, before the filing", caseId, outcome.on());
                }
            }
            jdbc.update("""
                    INSERT INTO app.case_outcomes (tenant_id, case_id, outcome, outcome_on) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant_id, case_id, outcome, outcome_on) DO NOTHING""", tenant, caseId, outcome.outcome().name(), Date.valueOf(outcome.on()));
        }
        String step = change.step() != null ? change.step() : (String) row.get("step");
        boolean newStep = change.step() != null && !Objects.equals(change.step(), row.get("step"));
        CaseStatus status = change.status() != null ? change.status() : CaseStatus.valueOf((String) row.get("status"));
        jdbc.update(
                """
                UPDATE app.cases SET step = ?, step_since = CASE WHEN ? THEN ? ELSE step_since END, status = ?,
                    appointment_on = COALESCE(?, appointment_on), filed_on = ?, receipt_expires_on = ?,
                    decided_on = ?, notified_on = ?, outcome = COALESCE(?, outcome),
                    outcome_on = COALESCE(?, outcome_on), closed_on = COALESCE(?, closed_on), updated_at = ?
                WHERE id = ?""",
                step,
                newStep,
                java.sql.Timestamp.from(now),
                status.name(),
                sql(change.appointmentOn()),
                sql(filedOn),
                sql(receiptExpiresOn),
                sql(decidedOn),
                sql(notifiedOn),
                latest == null ? null : latest.name(),
                sql(latestOn),
                sql(change.closedOn()),
                java.sql.Timestamp.from(now),
                caseId);
        return true;
    }

    /** A closed case reopened by its procedure (an OQTF after the case closed): no longer closed. */
    public void reopen(UUID caseId) {
        jdbc.update("UPDATE app.cases SET closed_on = NULL, closed_reason = NULL WHERE id = ?", caseId);
    }

    /** The closing reason of a case whose card's renewal was filed: a renewal case carries it on. */
    static final String RENEWED = "RENEWED";

    /**
     * Why the case is closed: at triage (the form's {@code closingKind}), or {@link #RENEWED}; an unknown value
     * is left out and logged.
     */
    public void closedFor(UUID caseId, String reason) {
        if (!java.util.Set.of("NOT_OURS_ASYLUM", "NOT_OURS_DUBLIN", "NO_GROUND", "WITHDRAWN", RENEWED)
                .contains(reason)) {
            LOG.warn("Case {}: closing reason {} left out, not a known one", caseId, reason);
            return;
        }
        jdbc.update("UPDATE app.cases SET closed_reason = ? WHERE id = ?", reason, caseId);
    }

    /** Outcomes in the order they were learnt, without repeats of the same outcome on the same day. */
    public static List<Change.Outcome> distinct(List<Change.Outcome> outcomes) {
        List<Change.Outcome> result = new ArrayList<>();
        for (Change.Outcome outcome : outcomes) {
            if (!result.contains(outcome)) {
                result.add(outcome);
            }
        }
        return result;
    }

    private static LocalDate date(Object value) {
        return value == null ? null : ((Date) value).toLocalDate();
    }

    private static Date sql(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
