package fr.passerelle.processes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.processes.AppointmentLog.Attempt;
import fr.passerelle.processes.support.TestDeadlines;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** The main process's rules ({@link CaseRules}) and the appointment log's count, without an engine. */
class CaseRulesTest {

    private final CaseRules rules = new CaseRules(new TestDeadlines());

    private static VariableScope scope(Map<String, Object> values) {
        return (VariableScope) Proxy.newProxyInstance(
                CaseRulesTest.class.getClassLoader(),
                new Class<?>[] {VariableScope.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable" -> values.get((String) args[0]);
                    case "setVariable" -> {
                        values.put((String) args[0], args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void anImplicitRefusalLeavesTheExaminationOpenAndCountsTwoMonths() {
        Map<String, Object> v = vars("decisionOutcome", "IMPLICIT_REFUSAL", "decisionNotifiedDate", "2026-07-02");
        rules.decided(scope(v));
        assertThat(v)
                .containsEntry("examinationOver", false)
                .containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL")
                .containsEntry("contentiousAppealFrom", "2026-07-02")
                .containsEntry("printedDeadlineDiffers", false);
    }

    @Test
    void anOqtfOfUnknownRegimeIsTheShortestAndAPrintedDeadlineIsComparedByDay() {
        Map<String, Object> v = vars(
                "decisionOutcome",
                "REFUSED_WITH_OQTF",
                "decisionNotifiedDate",
                "2026-05-04",
                "oqtfNotifiedAt",
                "2026-05-04T17:30",
                "printedDeadline",
                "2026-05-06");
        rules.decided(scope(v));
        assertThat(v)
                .containsEntry("contentiousAppealRule", "OQTF_RETENTION")
                .containsEntry("examinationOver", true)
                .containsEntry("computedDeadline", "2026-05-06T17:30")
                .containsEntry("printedDeadlineDiffers", false);
    }

    @Test
    void aRestrictionNeverLengthensTheDeadline() {
        // retention on 10 May against a 7-day deadline from 4 May ending 11 May: 48 hours end 12 May, later: kept
        Map<String, Object> v = vars(
                "contentiousAppealRule",
                "OQTF_HOUSE_ARREST",
                "contentiousAppealFrom",
                "2026-05-04",
                "restrictionKind",
                "RETENTION",
                "restrictionNotifiedAt",
                "2026-05-10T08:00");
        rules.restrictionNotified(scope(v));
        assertThat(v)
                .containsEntry("contentiousAppealRule", "OQTF_HOUSE_ARREST")
                .containsEntry("deadlineSwitched", false);
        // a refusal without OQTF is not shortened by a house arrest
        Map<String, Object> refusal = vars(
                "contentiousAppealRule",
                "CONTENTIOUS_APPEAL",
                "contentiousAppealFrom",
                "2026-05-04",
                "restrictionKind",
                "HOUSE_ARREST",
                "restrictionNotifiedAt",
                "2026-05-10T08:00");
        rules.restrictionNotified(scope(refusal));
        assertThat(refusal).containsEntry("contentiousAppealRule", "CONTENTIOUS_APPEAL");
    }

    @Test
    void theContentiousDeadlineRestartsFromTheLaterRejection() {
        Map<String, Object> v =
                vars("graciousAppealRejectedDate", "2026-06-01", "hierarchicalAppealRejectedDate", "2026-07-13");
        rules.administrativeAppealsRejected(scope(v));
        assertThat(v).containsEntry("contentiousAppealFrom", "2026-07-13");
    }

    @Test
    void aPriorEntryBanIsARiskOfArrest() {
        Map<String, Object> v = vars("priorEntryBan", true);
        assertThat(rules.arrestRisk(scope(v))).isTrue();
        assertThat(v).containsEntry("arrestRisk", true);
        assertThat(rules.arrestRisk(scope(vars()))).isFalse();
    }

    @Test
    void failedAttemptsAreCountedBackFromTheLatestOverTheWindow() {
        List<Attempt> attempts = List.of(
                new Attempt(LocalDateTime.of(2026, 3, 2, 9, 0), "PHONE", "NO_SLOT", null),
                new Attempt(LocalDateTime.of(2026, 3, 30, 9, 0), "PHONE", "SLOT_OBTAINED", null),
                new Attempt(LocalDateTime.of(2026, 3, 30, 10, 0), "PHONE", "NO_ANSWER", null));
        assertThat(AppointmentLog.recentFailures(attempts, Duration.ofDays(28))).hasSize(2);
        assertThat(AppointmentLog.recentFailures(attempts, Duration.ofDays(27))).hasSize(1);
        assertThat(AppointmentLog.datedList(attempts.subList(0, 1)))
                .isEqualTo("- lundi 2 mars 2026 à 09h00 : téléphone, aucun créneau\n");
    }
}
