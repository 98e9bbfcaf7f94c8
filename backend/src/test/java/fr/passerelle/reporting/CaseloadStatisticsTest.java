package fr.passerelle.reporting;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.support.Api;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics of a known caseload ({@link CaseloadFixture}) against figures worked out by hand,
 * through the API, with its access rules: the association's coordinator sees its own; another
 * association's, a caseworker, a lawyer are refused; the platform admin sees aggregates only.
 *
 * <p>Alpha, prefecture P, period 2025: c1 L435-1 at the decision (filed 10 Jan, récépissé ends in 3
 * days, Inès), c2 L435-1 at the appointment (Inès; 2 failed attempts in February, 1 slot), c3
 * L423-23 refused 1 March (filed 1 Jan: 59 days; Claire), c4 L423-23 granted 2 April (filed 1 Feb:
 * 60 days; récépissé ended 2 days ago; nobody), c5 L435-1 refused with an OQTF 16 March (filed
 * 15 Jan: 60 days), appeal lost 15 May (60 days; Inès), c6 L425-9 closed: implicit refusal 1 July
 * (filed 1 March: 122 days), appeal won 29 September (90 days), c7 closed, withdrawn 10 February, c8
 * L435-1 in preparation (Claire; a failed attempt in December 2024, outside the period). Tasks: c1
 * Inès overdue by a day, c2 Inès due in 3 days, c3 nobody due in 20 days, c5 no due date.
 */
@ApiTest
class CaseloadStatisticsTest {
    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    CaseloadFixture fixture;
    Api coordinator;

    @BeforeEach
    void fixture() {
        Associations.ensure(jdbc, ALPHA, BETA);
        fixture = new CaseloadFixture(jdbc);
        fixture.alpha();
        fixture.beta();
        coordinator = Api.at(port)
                .as(TestTokens.user("claire", group(ALPHA, "coordinator")).token());
    }

    private String query(String extra) {
        return "?from=2025-01-01&to=2025-12-31&prefecture="
                + URLEncoder.encode(fixture.prefecture, StandardCharsets.UTF_8) + (extra == null ? "" : "&" + extra);
    }

    private JsonNode statistics(Api as, String path, String extra) {
        var answer = as.get(path + query(extra));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static Map<String, String> cells(JsonNode list) {
        Map<String, String> cells = new LinkedHashMap<>();
        list.forEach(cell -> cells.put(
                cell.get("key").asText(), cell.has("count") ? cell.get("count").asText() : "<5"));
        return cells;
    }

    private static Map<String, String> outcomes(JsonNode rows) {
        Map<String, String> cells = new LinkedHashMap<>();
        rows.forEach(row -> cells.put(
                row.get("key").asText() + " " + row.get("outcome").asText(),
                row.has("count") ? row.get("count").asText() : "<5"));
        return cells;
    }

    @Test
    void theAssociationsFiguresAreTheOnesWorkedOutByHand() {
        JsonNode s = statistics(coordinator, "/api/statistics", null);
        assertThat(s.get("scope").asText()).isEqualTo("association");
        assertThat(s.get("association").asText()).isEqualTo(ALPHA);
        // open: c1, c2, c3, c4, c5, c8 (c6 and c7 are closed)
        assertThat(s.at("/openCases/total").asLong()).isEqualTo(6);
        assertThat(cells(s.at("/openCases/byStep")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("decision", "3", "appointment", "1", "appeal-contentious", "1", "preparation", "1"));
        assertThat(cells(s.at("/openCases/byGround")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("L435-1", "4", "L423-23", "2"));
        assertThat(s.at("/deadlines/overdue").asLong()).isEqualTo(1);
        assertThat(s.at("/deadlines/next7Days").asLong()).isEqualTo(1);
        assertThat(s.at("/deadlines/next30Days").asLong()).isEqualTo(2);
        assertThat(outcomes(s.at("/outcomes/byMonth")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "2025-02 WITHDRAWN",
                        "1",
                        "2025-03 REFUSED",
                        "1",
                        "2025-03 REFUSED_WITH_OQTF",
                        "1",
                        "2025-04 GRANTED",
                        "1",
                        "2025-05 APPEAL_LOST",
                        "1",
                        "2025-07 IMPLICIT_REFUSAL",
                        "1",
                        "2025-09 APPEAL_WON",
                        "1"));
        String p = fixture.prefecture + " ";
        assertThat(outcomes(s.at("/outcomes/byPrefecture")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        p + "WITHDRAWN",
                        "1",
                        p + "REFUSED",
                        "1",
                        p + "REFUSED_WITH_OQTF",
                        "1",
                        p + "GRANTED",
                        "1",
                        p + "APPEAL_LOST",
                        "1",
                        p + "IMPLICIT_REFUSAL",
                        "1",
                        p + "APPEAL_WON",
                        "1"));
        // filing to decision: 59, 60, 60, 122 days; median between the 2nd and 3rd: 60;
        // 90th percentile at position 0.9 x 3 = 2.7: 60 + 0.7 x (122 - 60) = 103.4
        assertThat(s.at("/durations/filingToDecision/cases").asLong()).isEqualTo(4);
        assertThat(s.at("/durations/filingToDecision/medianDays").asDouble()).isEqualTo(60.0);
        assertThat(s.at("/durations/filingToDecision/p90Days").asDouble())
                .isCloseTo(103.4, org.assertj.core.data.Offset.offset(1e-9));
        // refusal to appeal outcome: 60 and 90 days: median 75, 90th percentile 60 + 0.9 x 30 = 87
        assertThat(s.at("/durations/refusalToAppealOutcome/cases").asLong()).isEqualTo(2);
        assertThat(s.at("/durations/refusalToAppealOutcome/medianDays").asDouble())
                .isEqualTo(75.0);
        assertThat(s.at("/durations/refusalToAppealOutcome/p90Days").asDouble())
                .isCloseTo(87.0, org.assertj.core.data.Offset.offset(1e-9));
        Map<String, String> workload = new LinkedHashMap<>();
        s.get("workload")
                .forEach(w -> workload.put(
                        w.has("assigneeId") ? w.get("assigneeId").asText() : "-",
                        w.get("openCases").asText() + "/" + w.get("openTasks").asText() + "/"
                                + w.get("overdueTasks").asText()));
        // sorted by open cases, most first
        assertThat(workload.keySet()).containsExactly("ines", "claire", "-");
        assertThat(workload)
                .containsEntry("ines", "3/2/1")
                .containsEntry("claire", "2/0/0")
                .containsEntry("-", "1/0/0");
        assertThat(s.at("/receipts/expired").asLong()).isEqualTo(1);
        assertThat(s.at("/receipts/next7Days").asLong()).isEqualTo(1);
        assertThat(s.at("/receipts/next30Days").asLong()).isEqualTo(1);
        assertThat(cells(s.get("failedAttemptsByPrefecture")))
                .containsExactlyEntriesOf(Map.of(fixture.prefecture, "2"));
        assertThat(s.has("suppressedBelow")).isFalse();
    }

    @Test
    void withoutAnyFilterTheWholeAssociationCountsTheFixtureToo() {
        // no case filter: the open tasks' figures are read from the tasks alone (no join to the cases)
        var all = coordinator.get("/api/statistics");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        JsonNode s = all.json();
        assertThat(s.at("/openCases/total").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(s.at("/deadlines/overdue").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(s.at("/deadlines/next30Days").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(s.get("workload").toString()).contains("ines");
        JsonNode narrowed = statistics(coordinator, "/api/statistics", null);
        assertThat(s.at("/deadlines/next30Days").asLong()
                        - narrowed.at("/deadlines/next30Days").asLong())
                .as("the other tests' cases, not the fixture's, make the difference")
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void filtersNarrowEveryFigure() {
        JsonNode ines = statistics(coordinator, "/api/statistics", "caseworker=ines");
        assertThat(ines.at("/openCases/total").asLong()).isEqualTo(3);
        assertThat(cells(ines.at("/openCases/byStep")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("decision", "1", "appointment", "1", "appeal-contentious", "1"));
        assertThat(ines.at("/durations/filingToDecision/cases").asLong()).isEqualTo(1);
        assertThat(ines.at("/durations/filingToDecision/medianDays").asDouble()).isEqualTo(60.0);
        assertThat(ines.at("/deadlines/overdue").asLong()).isEqualTo(1);

        JsonNode ties = statistics(coordinator, "/api/statistics", "ground=L423-23");
        assertThat(ties.at("/openCases/total").asLong()).isEqualTo(2);
        assertThat(outcomes(ties.at("/outcomes/byMonth"))).containsOnlyKeys("2025-03 REFUSED", "2025-04 GRANTED");

        // the first half of 2025: c6's implicit refusal (July) and its appeal (September) fall outside
        var half = coordinator.get("/api/statistics?from=2025-01-01&to=2025-06-30&prefecture="
                + URLEncoder.encode(fixture.prefecture, StandardCharsets.UTF_8));
        assertThat(half.status()).isEqualTo(200);
        assertThat(half.json().at("/durations/filingToDecision/cases").asLong()).isEqualTo(3);
        assertThat(half.json().at("/durations/refusalToAppealOutcome/cases").asLong())
                .isEqualTo(1);
    }

    @Test
    void onlyTheAssociationsCoordinatorsSeeItsStatistics() {
        Api api = Api.at(port);
        Api caseworker =
                api.as(TestTokens.user("ines", group(ALPHA, "caseworker")).token());
        Api lawyer = api.as(TestTokens.user("me.durand", group(ALPHA, "lawyer")).token());
        Api betaCoordinator =
                api.as(TestTokens.user("marc", group(BETA, "coordinator")).token());
        Api admin = api.as(TestTokens.user("admin").platformAdmin().token());
        assertThat(caseworker.get("/api/statistics" + query(null)).status()).isEqualTo(403);
        assertThat(lawyer.get("/api/statistics" + query(null)).status()).isEqualTo(403);
        assertThat(betaCoordinator
                        .in(ALPHA)
                        .get("/api/statistics" + query(null))
                        .status())
                .as("not a member of alpha")
                .isEqualTo(403);
        assertThat(admin.in(ALPHA).get("/api/statistics" + query(null)).status())
                .as("the platform admin sees no association's own statistics")
                .isEqualTo(403);
        assertThat(coordinator.get("/api/admin/statistics" + query(null)).status())
                .isEqualTo(403);
        // beta's coordinator sees beta's cases only, in the same prefecture
        JsonNode beta = statistics(betaCoordinator, "/api/statistics", null);
        assertThat(beta.at("/openCases/total").asLong()).isEqualTo(6);
        assertThat(beta.at("/durations/filingToDecision/cases").asLong()).isEqualTo(2);
        assertThat(cells(beta.get("failedAttemptsByPrefecture"))).isEmpty();
    }

    @Test
    void thePlatformAdminSeesAggregatesOnlyWithSmallCellsLeftOut() {
        Api admin = Api.at(port).as(TestTokens.user("admin").platformAdmin().token());
        JsonNode s = statistics(admin, "/api/admin/statistics", null);
        assertThat(s.get("scope").asText()).isEqualTo("platform");
        assertThat(s.get("suppressedBelow").asInt()).isEqualTo(5);
        assertThat(s.has("workload"))
                .as("caseworkers are people: no workload across the platform")
                .isFalse();
        assertThat(s.has("association")).isFalse();
        // alpha 6 open + beta 6 open = 12; decision 3 + 6 = 9, the other steps 1 each: left out
        assertThat(s.at("/openCases/total").asLong()).isEqualTo(12);
        assertThat(cells(s.at("/openCases/byStep")))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("decision", "9", "appointment", "<5", "appeal-contentious", "<5", "preparation", "<5"));
        // L423-23: 2, left out; L435-1: 10 would give it back from the total: left out too
        assertThat(cells(s.at("/openCases/byGround")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("L435-1", "<5", "L423-23", "<5"));
        assertThat(s.at("/deadlines/overdue").isMissingNode()
                        || s.at("/deadlines/overdue").isNull())
                .isTrue();
        assertThat(outcomes(s.at("/outcomes/byMonth")).values()).containsOnly("<5");
        // filing to decision: 31, 31 (beta), 59, 60, 60, 122: median 59.5; 90th at 4.5: 60 + 0.5 x 62 = 91
        assertThat(s.at("/durations/filingToDecision/cases").asLong()).isEqualTo(6);
        assertThat(s.at("/durations/filingToDecision/medianDays").asDouble()).isEqualTo(59.5);
        assertThat(s.at("/durations/filingToDecision/p90Days").asDouble()).isEqualTo(91.0);
        assertThat(s.at("/durations/refusalToAppealOutcome").has("cases"))
                .as("2 cases: left out")
                .isFalse();
        assertThat(s.toString()).doesNotContain("Inès", "\"ines\"", "Sofia", "Trois", "HYPERLINK");
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        var reversed = coordinator.get("/api/statistics?from=2025-06-01&to=2025-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().at("/errors/to").isMissingNode())
                .as(reversed.body())
                .isFalse();
        var ground = coordinator.get("/api/statistics?ground=L999");
        assertThat(ground.status()).isEqualTo(400);
        assertThat(ground.json().at("/errors/ground").isMissingNode())
                .as(ground.body())
                .isFalse();
        var date = coordinator.get("/api/statistics?from=hier");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.body()).contains("from");
        var long_ = coordinator.get("/api/statistics?from=1990-01-01&to=2025-01-01");
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.json().at("/errors/from").isMissingNode())
                .as(long_.body())
                .isFalse();
    }
}
