package fr.passerelle.reporting;

import fr.passerelle.security.Role;
import fr.passerelle.tenancy.AssociationTime;
import fr.passerelle.tenancy.CurrentAssociation;
import fr.passerelle.tenancy.Tenancy;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A known caseload in one prefecture of its own (a fresh name per test run, so other tests'
 * cases never count), written as the service's role under row-level security. The figures it
 * must give are worked out by hand in {@link CaseloadStatisticsTest}.
 */
final class CaseloadFixture {
    final JdbcTemplate jdbc;
    final String prefecture =
            "Préfecture d'essai " + UUID.randomUUID().toString().substring(0, 8);
    final LocalDate today = LocalDate.now(AssociationTime.ZONE);
    final Instant now = Instant.now();
    private String tenant;

    CaseloadFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs as the association's coordinator would, so every write passes row-level security. */
    void in(String association, Runnable work) {
        tenant = association;
        Tenancy.runAs(new CurrentAssociation(association, Set.of(Role.COORDINATOR)), () -> {
            work.run();
            return null;
        });
    }

    UUID newCase(
            String lastName,
            String ground,
            String status,
            String step,
            String assigneeId,
            String assigneeName,
            LocalDate filedOn,
            LocalDate receiptExpiresOn) {
        UUID id = UUID.randomUUID();
        // opened before the period the tests read (2025), so every fixture case is in the export's list
        Timestamp created = Timestamp.valueOf("2024-12-01 10:00:00");
        jdbc.update("""
                INSERT INTO app.applicants (id, tenant_id, first_name, last_name, created_at, updated_at)
                VALUES (?, ?, 'Test', ?, ?, ?)""", id, tenant, lastName, created, created);
        jdbc.update(
                """
                INSERT INTO app.cases (id, tenant_id, reference, applicant_id, ground, department, prefecture, status,
                                       step, assignee_id, assignee_name, filed_on, receipt_expires_on, created_at,
                                       updated_at)
                VALUES (?, ?, ?, ?, ?, '69', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id,
                tenant,
                "T-" + id.toString().substring(0, 13),
                id,
                ground,
                prefecture,
                status,
                step,
                assigneeId,
                assigneeName,
                date(filedOn),
                date(receiptExpiresOn),
                created,
                created);
        return id;
    }

    void outcome(UUID caseId, String outcome, LocalDate on) {
        jdbc.update(
                "INSERT INTO app.case_outcomes (tenant_id, case_id, outcome, outcome_on) VALUES (?, ?, ?, ?)",
                tenant,
                caseId,
                outcome,
                Date.valueOf(on));
        jdbc.update("UPDATE app.cases SET outcome = ?, outcome_on = ? WHERE id = ?", outcome, Date.valueOf(on), caseId);
    }

    void task(UUID caseId, String assignee, Long dueInHours) {
        String id = "fixture-" + UUID.randomUUID();
        jdbc.update(
                """
                INSERT INTO app.open_tasks (task_id, tenant_id, case_id, process_instance_id, step, task_key, name,
                                            assignee, due, created)
                VALUES (?, ?, ?, 'fixture', 'decision', 'fixture', 'Tâche d''essai', ?, ?, ?)""",
                id,
                tenant,
                caseId,
                assignee,
                dueInHours == null ? null : Timestamp.from(now.plus(dueInHours, ChronoUnit.HOURS)),
                Timestamp.from(now));
    }

    void attempt(UUID caseId, LocalDateTime at, String result) {
        jdbc.update("""
                INSERT INTO app.appointment_attempts (tenant_id, case_id, process_instance_id, attempted_at, channel,
                                                      result) VALUES (?, ?, 'fixture', ?, 'PREFECTURE_WEBSITE', ?)""", tenant, caseId, Timestamp.valueOf(at), result);
    }

    /** Alpha's eight cases (see the test for what each one is). */
    void alpha() {
        in("alpha", () -> {
            UUID c1 = newCase(
                    "Un",
                    "L435-1",
                    "UNDER_REVIEW",
                    "decision",
                    "ines",
                    "Inès Caseworker",
                    LocalDate.of(2025, 1, 10),
                    today.plusDays(3));
            UUID c2 = newCase("Deux", "L435-1", "APPOINTMENT", "appointment", "ines", "Inès Caseworker", null, null);
            UUID c3 = newCase(
                    "Trois",
                    "L423-23",
                    "REFUSED",
                    "decision",
                    "claire",
                    "Claire Coordinator",
                    LocalDate.of(2025, 1, 1),
                    null);
            outcome(c3, "REFUSED", LocalDate.of(2025, 3, 1));
            UUID c4 = newCase(
                    "Quatre",
                    "L423-23",
                    "GRANTED",
                    "decision",
                    null,
                    null,
                    LocalDate.of(2025, 2, 1),
                    today.minusDays(2));
            outcome(c4, "GRANTED", LocalDate.of(2025, 4, 2));
            UUID c5 = newCase(
                    "=HYPERLINK(\"http://x\")",
                    "L435-1",
                    "APPEAL",
                    "appeal-contentious",
                    "ines",
                    "Inès Caseworker",
                    LocalDate.of(2025, 1, 15),
                    null);
            outcome(c5, "REFUSED_WITH_OQTF", LocalDate.of(2025, 3, 16));
            outcome(c5, "APPEAL_LOST", LocalDate.of(2025, 5, 15));
            UUID c6 = newCase(
                    "Six", "L425-9", "CLOSED", "appeal-contentious", null, null, LocalDate.of(2025, 3, 1), null);
            outcome(c6, "IMPLICIT_REFUSAL", LocalDate.of(2025, 7, 1));
            outcome(c6, "APPEAL_WON", LocalDate.of(2025, 9, 29));
            UUID c7 = newCase("Sept", "L435-1", "CLOSED", "preparation", null, null, null, null);
            outcome(c7, "WITHDRAWN", LocalDate.of(2025, 2, 10));
            UUID c8 = newCase("Huit", "L435-1", "PREPARATION", null, "claire", "Claire Coordinator", null, null);
            task(c1, "ines", -24L);
            task(c2, "ines", 72L);
            task(c3, null, 480L);
            task(c5, null, null);
            attempt(c2, LocalDateTime.of(2025, 2, 1, 9, 0), "NO_SLOT");
            attempt(c2, LocalDateTime.of(2025, 2, 8, 9, 0), "NO_ANSWER");
            attempt(c2, LocalDateTime.of(2025, 2, 15, 9, 0), "SLOT_OBTAINED");
            attempt(c8, LocalDateTime.of(2024, 12, 30, 9, 0), "NO_SLOT");
        });
    }

    /** Beta's six cases at the decision step: four waiting, two granted 31 days after filing. */
    void beta() {
        in("beta", () -> {
            for (int i = 0; i < 4; i++) {
                newCase(
                        "Beta" + i,
                        "L435-1",
                        "UNDER_REVIEW",
                        "decision",
                        "sofia",
                        "Sofia",
                        LocalDate.of(2025, 6, 1),
                        null);
            }
            for (int i = 0; i < 2; i++) {
                UUID granted = newCase(
                        "Beta-granted" + i,
                        "L435-1",
                        "GRANTED",
                        "decision",
                        "sofia",
                        "Sofia",
                        LocalDate.of(2025, 1, 1),
                        null);
                outcome(granted, "GRANTED", LocalDate.of(2025, 2, 1));
            }
        });
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
