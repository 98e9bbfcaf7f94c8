package fr.passerelle.reporting;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counters (V70) give the figures computed from the cases themselves ({@link
 * CaseTableFigures}) on the same data, after each change a case goes through: opened, at a step,
 * attempts, filed, several outcomes in one statement, reassigned, its ground changed, its filing
 * date corrected, an outcome withdrawn, closed, deleted with its outcomes and attempts. Compared
 * for the fixture's prefecture and for the whole association, with the ground and caseworker
 * filters, over the fixture's year and over ten years.
 */
@ApiTest
class StatisticsCountersTest {
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatisticsQueries queries;

    private CaseloadFixture fixture;

    private void sameFiguresBothWays(String when) {
        CaseTableFigures reference = new CaseTableFigures(jdbc);
        Instant now = fixture.now;
        LocalDate today = fixture.today;
        List<StatisticsFilter> filters = List.of(
                new StatisticsFilter(
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), fixture.prefecture, null, null),
                new StatisticsFilter(
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), fixture.prefecture, "L435-1", null),
                new StatisticsFilter(
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), fixture.prefecture, null, "ines"),
                new StatisticsFilter(today.minusYears(10), today, null, null, null),
                new StatisticsFilter(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 7, 15), null, "L423-23", null));
        for (StatisticsFilter filter : filters) {
            for (boolean withWorkload : new boolean[] {true, false}) {
                Statistics expected = Statistics.of(
                        "association",
                        ALPHA,
                        now,
                        filter,
                        reference.figures(filter, now, today, withWorkload),
                        !withWorkload);
                Statistics counted = Statistics.of(
                        "association",
                        ALPHA,
                        now,
                        filter,
                        queries.figures(filter, now, today, withWorkload),
                        !withWorkload);
                assertThat(counted)
                        .as("%s, %s, workload %s", when, filter, withWorkload)
                        .usingRecursiveComparison()
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void theCountersGiveTheFiguresComputedFromTheCasesAfterEveryChange() {
        Associations.ensure(jdbc, ALPHA, BETA);
        fixture = new CaseloadFixture(jdbc);
        fixture.alpha();
        fixture.beta();
        fixture.in(ALPHA, () -> {
            sameFiguresBothWays("the fixture's cases");
            UUID c = fixture.newCase("Neuf", "L435-1", "PREPARATION", null, "ines", "Inès Caseworker", null, null);
            sameFiguresBothWays("opened");
            jdbc.update("UPDATE app.cases SET step = 'appointment', status = 'APPOINTMENT' WHERE id = ?", c);
            fixture.attempt(c, LocalDateTime.of(2025, 5, 2, 10, 0), "NO_SLOT");
            fixture.attempt(c, LocalDateTime.of(2025, 5, 9, 10, 0), "SLOT_OBTAINED");
            sameFiguresBothWays("at the appointment, with attempts");
            jdbc.update("""
                    UPDATE app.cases SET step = 'filing', status = 'FILED', filed_on = '2025-05-20',
                        receipt_expires_on = ? WHERE id = ?""", Date.valueOf(fixture.today.plusDays(10)), c);
            sameFiguresBothWays("filed");
            jdbc.update("""
                    INSERT INTO app.case_outcomes (tenant_id, case_id, outcome, outcome_on)
                    VALUES (?, ?, 'REFUSED', '2025-07-01'), (?, ?, 'APPEAL_WON', '2025-10-15'),
                           (?, ?, 'GRANTED', '2025-11-02')""", ALPHA, c, ALPHA, c, ALPHA, c);
            jdbc.update("UPDATE app.cases SET step = 'decision', status = 'GRANTED' WHERE id = ?", c);
            sameFiguresBothWays("three outcomes in one statement");
            jdbc.update(
                    "UPDATE app.cases SET assignee_id = 'claire', assignee_name = 'Claire Coordinator', ground = 'L423-23'"
                            + " WHERE id = ?",
                    c);
            sameFiguresBothWays("reassigned, its ground changed");
            jdbc.update("UPDATE app.cases SET filed_on = '2025-05-10' WHERE id = ?", c);
            sameFiguresBothWays("its filing date corrected");
            jdbc.update("DELETE FROM app.case_outcomes WHERE case_id = ? AND outcome = 'REFUSED'", c);
            sameFiguresBothWays("an outcome withdrawn");
            jdbc.update(
                    "UPDATE app.case_outcomes SET outcome_on = '2025-06-30' WHERE case_id = ? AND outcome = 'GRANTED'",
                    c);
            sameFiguresBothWays("an outcome's date corrected");
            jdbc.update("UPDATE app.cases SET status = 'CLOSED', closed_on = '2025-11-03' WHERE id = ?", c);
            sameFiguresBothWays("closed");
            jdbc.update("DELETE FROM app.cases WHERE id = ?", c);
            UUID withAttempts = jdbc.queryForObject(
                    "SELECT case_id FROM app.appointment_attempts a JOIN app.cases x ON x.id = a.case_id"
                            + " WHERE x.prefecture = ? LIMIT 1",
                    UUID.class,
                    fixture.prefecture);
            jdbc.update("DELETE FROM app.cases WHERE id = ?", withAttempts);
            sameFiguresBothWays("deleted with its outcomes and attempts");
        });
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM app.stats_open_cases WHERE tenant_id = ?", Long.class, ALPHA))
                .as("read under row-level security, outside any association")
                .isZero();
    }
}
