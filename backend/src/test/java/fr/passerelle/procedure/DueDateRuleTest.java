package fr.passerelle.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.deadlines.DeadlineRule;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The rule of a task's due date, read from the model's expression, for every dated task of every model. */
class DueDateRuleTest {

    @Test
    void readsAQuotedRuleARuleInAVariableAndADateSetByAnAuthority() {
        Map<String, Object> variables = Map.of("contentiousAppealRule", "OQTF_RETENTION");
        assertThat(DueDateRule.of(
                        "${deadlines.due(execution, 'RECEIPT_RENEWAL', 'receiptValidUntil')}", variables::get))
                .isEqualTo("RECEIPT_RENEWAL");
        assertThat(DueDateRule.of(
                        "${deadlines.due(execution, contentiousAppealRule, 'contentiousAppealFrom')}", variables::get))
                .isEqualTo("OQTF_RETENTION");
        assertThat(DueDateRule.of(
                        "${execution.getVariable('missingPiecesDueDate') != null ? "
                                + "deadlines.at(execution, 'missingPiecesDueDate') : null}",
                        variables::get))
                .isEqualTo("at:missingPiecesDueDate");
        assertThat(DueDateRule.of("${appealDeadlines.due(execution, contentiousAppealRule)}", variables::get))
                .isEqualTo("OQTF_RETENTION");
        assertThat(DueDateRule.of(
                        "${appealDeadlines.rulingDue(execution, rulingRule)}",
                        Map.<String, Object>of("rulingRule", "COURT_RULING_RETENTION")::get))
                .isEqualTo("COURT_RULING_RETENTION");
        assertThat(DueDateRule.of("${appealDeadlines.rulingDue(execution, rulingRule)}", variables::get))
                .as("no ruling time: no rule")
                .isNull();
        assertThat(DueDateRule.of("${stepRules.dueOn(execution, 'receiptValidUntil')}", variables::get))
                .isEqualTo("at:receiptValidUntil");
        assertThat(DueDateRule.of("${dueDate}", variables::get)).isNull();
    }

    @Test
    void everyDueDateOfEveryModelNamesARule() throws IOException {
        Pattern dueDate = Pattern.compile("camunda:dueDate=\"([^\"]+)\"");
        int dated = 0;
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            String xml;
            try (InputStream in = model.getInputStream()) {
                xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("&#39;", "'");
            }
            Matcher matcher = dueDate.matcher(xml);
            while (matcher.find()) {
                dated++;
                String rule = DueDateRule.of(matcher.group(1), name -> "CONTENTIOUS_APPEAL");
                assertThat(rule)
                        .as(model.getFilename() + ": " + matcher.group(1))
                        .isNotNull();
                if (!rule.startsWith("at:")) {
                    assertThat(Arrays.stream(DeadlineRule.values()).map(Enum::name))
                            .contains(rule);
                }
            }
        }
        assertThat(dated).isGreaterThan(20);
    }
}
