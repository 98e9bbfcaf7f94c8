package fr.passerelle.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A gateway never runs on a missing variable: every variable a sequence flow's condition reads
 * bare ({@code ${appealStrategy == 'NONE'}}, which fails when it is not set, unlike
 * {@code execution.getVariable('x')}) is either set by the models themselves (a script, an output
 * or a call activity's mapping), by the backend at start, or is a field that some task or event
 * form always submits: required without a condition, or with a default.
 */
class GatewayVariablesTest {
    private static final Set<String> SET_AT_START = Set.of("caseId", "department", "onlineFiling");
    private static final Set<String> NOT_VARIABLES =
            Set.of("execution", "true", "false", "null", "empty", "not", "and", "or", "eq", "ne");
    private static final Pattern CONDITION = Pattern.compile("<bpmn:conditionExpression[^>]*>([^<]*)<");
    private static final Pattern SET_BY_MODEL = Pattern.compile(
            "setVariable\\('([A-Za-z0-9_]+)'|(?:outputParameter|inputParameter) name=\"([A-Za-z0-9_]+)\"|target=\"([A-Za-z0-9_]+)\"");
    /** A name not inside quotes and not followed by a call or a property: a variable (beans are followed by '.'). */
    private static final Pattern BARE = Pattern.compile("(?<![.\\w'])([a-z][A-Za-z0-9_]*)\\b(?!\\s*[.(])");

    @Test
    void everyVariableAGatewayReadsBareIsAlwaysThere() throws IOException {
        Map<String, Set<String>> readBare = new TreeMap<>();
        Set<String> setByModels = new TreeSet<>(SET_AT_START);
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            String xml;
            try (InputStream in = model.getInputStream()) {
                xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher set = SET_BY_MODEL.matcher(xml);
            while (set.find()) {
                for (int group = 1; group <= 3; group++) {
                    if (set.group(group) != null) {
                        setByModels.add(set.group(group));
                    }
                }
            }
            Matcher condition = CONDITION.matcher(xml);
            while (condition.find()) {
                String expression = condition
                        .group(1)
                        .replace("&amp;", "&")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replaceAll("'[^']*'", "''"); // literals and getVariable('x') names are not bare reads
                Matcher name = BARE.matcher(expression);
                while (name.find()) {
                    if (!NOT_VARIABLES.contains(name.group(1))) {
                        readBare.computeIfAbsent(name.group(1), k -> new TreeSet<>())
                                .add(model.getFilename());
                    }
                }
            }
        }
        Set<String> alwaysSubmitted = new TreeSet<>();
        FormCatalogCheck.all(new ObjectMapper())
                .values()
                .forEach(form -> form.fields().values().forEach(field -> {
                    if ((field.required() && field.hiddenWhen().isEmpty()) || field.defaultValue() != null) {
                        alwaysSubmitted.add(field.key());
                    }
                }));
        Map<String, Set<String>> unguarded = new TreeMap<>();
        readBare.forEach((variable, models) -> {
            if (!setByModels.contains(variable) && !alwaysSubmitted.contains(variable)) {
                unguarded.put(variable, models);
            }
        });
        assertThat(readBare)
                .as("the walk found the gateways' variables")
                .containsKeys("appealStrategy", "appointmentOutcome");
        assertThat(unguarded)
                .as("variables a gateway reads that may be missing (model files)")
                .isEmpty();
    }
}
