package fr.passerelle.processes.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** The stand-in's arithmetic, so that the flow tests can rely on it. */
class TestDeadlinesTest {

    private final TestDeadlines deadlines = new TestDeadlines();

    @Test
    void dayRulesDueAtTheEndOfTheLastDayTimerAtTheStartOfTheNext() {
        VariableScope scope = scope(Map.of("from", "2026-01-03"));
        assertThat(deadlines.due(scope, "CONTENTIOUS_APPEAL", "from")).isEqualTo(ProcessTestCase.endOf("2026-03-04"));
        assertThat(deadlines.timer(scope, "CONTENTIOUS_APPEAL", "from"))
                .isEqualTo(ProcessTestCase.startOf("2026-03-05"));
        assertThat(deadlines.date(scope, "CONTENTIOUS_APPEAL", "from")).isEqualTo("2026-03-04");
        assertThat(deadlines.date(scope, "OQTF_ORDINARY", "from")).isEqualTo("2026-02-04");
        assertThat(deadlines.date(scope, "OQTF_HOUSE_ARREST", "from")).isEqualTo("2026-01-10");
    }

    @Test
    void eventRulesFireAtTheStartOfTheDay() {
        VariableScope scope = scope(Map.of(
                "filingDate",
                LocalDate.of(2026, 1, 3),
                "validUntil",
                ProcessTestCase.paris(LocalDateTime.of(2026, 6, 30, 0, 0))));
        assertThat(deadlines.timer(scope, "IMPLICIT_REFUSAL", "filingDate"))
                .isEqualTo(ProcessTestCase.startOf("2026-05-03"));
        assertThat(deadlines.date(scope, "IMPLICIT_REFUSAL", "filingDate")).isEqualTo("2026-05-03");
        assertThat(deadlines.timer(scope, "RECEIPT_RENEWAL", "validUntil"))
                .isEqualTo(ProcessTestCase.startOf("2026-06-15"));
        assertThat(deadlines.timer(scope, "FOLLOW_UP_WEEKLY", "filingDate"))
                .isEqualTo(ProcessTestCase.startOf("2026-01-10"));
    }

    @Test
    void hourRuleCountsHours() {
        VariableScope scope = scope(Map.of("at", "2026-03-02T17:30"));
        assertThat(deadlines.due(scope, "OQTF_RETENTION", "at"))
                .isEqualTo(ProcessTestCase.paris(LocalDateTime.of(2026, 3, 4, 17, 30)));
        assertThat(deadlines.date(scope, "OQTF_RETENTION", "at")).isEqualTo("2026-03-04T17:30");
        assertThat(deadlines.due(scope, "RETENTION_CHALLENGE", "at"))
                .isEqualTo(ProcessTestCase.paris(LocalDateTime.of(2026, 3, 4, 17, 30)));
    }

    @Test
    void lateConvocationAndDateTimers() {
        assertThat(deadlines.isLate(
                        scope(Map.of("meeting", "2026-04-20", "received", "2026-04-05")),
                        "COMMISSION_CONVOCATION",
                        "meeting",
                        "received"))
                .isFalse();
        assertThat(deadlines.isLate(
                        scope(Map.of("meeting", "2026-04-20", "received", "2026-04-06")),
                        "COMMISSION_CONVOCATION",
                        "meeting",
                        "received"))
                .isTrue();
        Date at = deadlines.at(scope(Map.of("appointmentDate", "2026-03-10")), "appointmentDate");
        assertThat(at).isEqualTo(ProcessTestCase.startOf("2026-03-10"));
    }

    @Test
    void missingVariableOrUnknownRuleIsAnError() {
        assertThatThrownBy(() -> deadlines.due(scope(Map.of()), "IMPLICIT_REFUSAL", "filingDate"))
                .hasMessageContaining("filingDate");
        assertThatThrownBy(() -> deadlines.due(scope(Map.of("d", "2026-01-01")), "NOPE", "d"))
                .hasMessageContaining("NOPE");
    }

    /** A variable scope that only reads variables: all the stand-in needs. */
    private static VariableScope scope(Map<String, Object> values) {
        return (VariableScope) Proxy.newProxyInstance(
                TestDeadlinesTest.class.getClassLoader(),
                new Class<?>[] {VariableScope.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getVariable") && args.length == 1) {
                        return values.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
