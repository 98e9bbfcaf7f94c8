package fr.passerelle.web;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import fr.passerelle.support.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input sweep: every POST, PUT, PATCH and DELETE endpoint of the service, walked from
 * its request mappings (an endpoint added later is swept without a new test), and the query
 * parameters of every GET. Each gets malformed JSON, an empty body, a body that is no object,
 * an unknown field, a multipart without boundary, the wrong content type, malformed, unknown
 * and control-character ids; each field of its body (from the request record's components,
 * nested ones included, or from the task's or event's form) gets values of every wrong type,
 * control characters, oversized text and impossible dates. Every answer must be a 4xx problem
 * document without a class, package or exception name, naming the field when one is at fault;
 * and what was there before reads back the same afterwards. No answer may be a 500.
 */
@ApiTest
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern INTERNAL = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|fr\\.passerelle|org\\.(springframework|hibernate|postgresql|camunda)"
                    + "|com\\.fasterxml|Exception|\\$|#|\\.java:|\\bat [a-z]+\\.[a-z]");
    private static final Set<RequestMethod> WRITES =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
    /** Text that no field may hold, whatever its kind: NUL, other C0 controls, DEL, a C1 control. */
    private static final List<String> CONTROL =
            List.of("a\u0000b", "\u0001", "\u001b[31mred", "x\u007f", "x\u0085y", "\ud800");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String coordinator;
    String admin;
    String caseId;
    String applicantId;
    String piece;
    String documentId;
    String taskId;
    JsonNode taskForm;
    int sent;
    final List<String> fiveHundreds = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final Set<String> swept = new TreeSet<>();

    @Test
    void badInputAnywhereIsA4xxProblemNamingTheFieldAndChangesNothing() throws Exception {
        Associations.ensure(jdbc, ALPHA);
        coordinator = TestTokens.user("claire", group(ALPHA, "coordinator")).token();
        admin = TestTokens.user("admin").platformAdmin().token();
        fixtures();

        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods) {
                    if (WRITES.contains(method)) {
                        String snapshot = snapshot();
                        sweepWrite(method.name(), pattern, handler);
                        String after = snapshot();
                        if (!snapshot.equals(after)) {
                            failures.add(method + " " + pattern + ": the case's data changed under bad input");
                        }
                        swept.add(method + " " + pattern);
                    } else if (method == RequestMethod.GET) {
                        sweepQuery(pattern, handler);
                        swept.add("GET " + pattern);
                    }
                }
            }
        }
        // The container's error path and a multipart upload without its boundary.
        check("GET /error", send("GET", "/error", null, null, coordinator), null, false);

        System.out.printf(
                "Bad-input sweep: %d requests to %d endpoints, %d answers of 500, %d other faults%n",
                sent, swept.size(), fiveHundreds.size(), failures.size());
        assertThat(swept)
                .as("the walk found the endpoints")
                .contains(
                        "POST /api/cases",
                        "PUT /api/cases/{id}",
                        "POST /api/tasks/{id}/complete",
                        "POST /api/cases/{caseId}/checklist/{piece}/documents",
                        "POST /api/cases/{caseId}/events/{event}",
                        "DELETE /api/cases/{id}",
                        "GET /api/applicants");
        fiveHundreds.forEach(fault -> System.out.println("500: " + fault));
        failures.forEach(fault -> System.out.println("fault: " + fault));
        assertThat(fiveHundreds).as("answers of 500").isEmpty();
        assertThat(failures).as("faults").isEmpty();
    }

    private void fixtures() throws IOException {
        var opened = send("POST", "/api/cases", "application/json", """
                {"applicant": {"firstName": "Amina", "lastName": "Diallo", "birthDate": "1990-04-02",
                  "nationality": "MLI", "entryDate": "2014-09-01", "languages": ["bambara"],
                  "family": {"maritalStatus": "MARRIED", "spouse": {"name": "Paul Martin", "status": "FRENCH"},
                             "children": [{"firstName": "Awa", "birthDate": "2020-02-10", "french": true,
                                           "livesInFrance": true}],
                             "relativesInFrance": [{"relation": "MOTHER", "status": "REGULAR_RESIDENT"}]},
                  "familyNotes": "Mère à Villeurbanne"},
                 "ground": "L435-1", "department": "69", "prefecture": "Préfecture du Rhône"}""".getBytes(StandardCharsets.UTF_8), coordinator);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode file = JSON.readTree(opened.body());
        caseId = file.get("id").asText();
        applicantId = file.get("applicantId").asText();
        piece = JSON.readTree(send("GET", "/api/cases/" + caseId + "/checklist", null, null, coordinator)
                        .body())
                .get("pieces")
                .get(0)
                .get("piece")
                .asText();
        String boundary = "sweep" + System.nanoTime();
        byte[] upload = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var uploaded = send(
                "POST",
                "/api/cases/" + caseId + "/checklist/" + piece + "/documents",
                "multipart/form-data; boundary=" + boundary,
                upload,
                coordinator);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        documentId = JSON.readTree(uploaded.body()).get("id").asText();
        JsonNode tasks = JSON.readTree(send("GET", "/api/cases/" + caseId + "/tasks", null, null, coordinator)
                .body());
        taskId = tasks.get(0).get("id").asText();
        taskForm = JSON.readTree(send("GET", "/api/tasks/" + taskId, null, null, coordinator)
                        .body())
                .get("form");
    }

    /** What the sweep must leave as it was: the case, its applicant, checklist, notes, documents and tasks. */
    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String path : List.of(
                "/api/cases/" + caseId,
                "/api/applicants/" + applicantId,
                "/api/cases/" + caseId + "/checklist",
                "/api/cases/" + caseId + "/notes",
                "/api/cases/" + caseId + "/documents",
                "/api/cases/" + caseId + "/tasks",
                "/api/tasks/" + taskId)) {
            var response = send("GET", path, null, null, coordinator);
            all.append(path)
                    .append(' ')
                    .append(response.statusCode())
                    .append(' ')
                    .append(response.body().replaceAll("\"asOf\":\"[^\"]*\"", ""))
                    .append('\n');
        }
        return all.toString();
    }

    private void sweepWrite(String method, String pattern, HandlerMethod handler) {
        String caller = pattern.startsWith("/api/admin") ? admin : coordinator;
        String path = fill(pattern, Map.of());
        String name = method + " " + pattern;
        MethodParameter body = parameter(handler, RequestBody.class);
        boolean multipart = parameter(handler, RequestPart.class) != null;

        // Ids: malformed, unknown, with control characters. Nothing is sent that could succeed.
        for (String variable : variables(pattern)) {
            for (String bad : List.of("not-an-id", UUID.randomUUID().toString(), "a%00b", "%1B%5B31m", "x%7F")) {
                String badPath = fill(pattern, Map.of(variable, bad));
                var response = send(
                        method,
                        badPath,
                        body != null ? "application/json" : null,
                        body != null ? "{}".getBytes(StandardCharsets.UTF_8) : null,
                        caller);
                // Named by the variable, or as the path when the address itself is refused before routing.
                check(
                        name + " {" + variable + "}=" + bad,
                        response,
                        bad.contains("%") && !multipart ? variable : null,
                        unconfigured(pattern, response));
            }
        }
        if (body == null && !multipart) {
            return; // no input but its ids: an action on an existing object would succeed, so it is not sent
        }
        // The body as a whole.
        for (String raw : List.of("{\"a\": ", "", "[]", "\"text\"", "12", "{\"x\": 1, \"x\": 2}", "{} {}")) {
            check(
                    name + " body " + raw,
                    send(method, path, "application/json", raw.getBytes(StandardCharsets.UTF_8), caller),
                    null,
                    false);
        }
        check(name + " no body", send(method, path, "application/json", null, caller), null, false);
        check(
                name + " text/plain",
                send(method, path, "text/plain", "x".getBytes(StandardCharsets.UTF_8), caller),
                null,
                false);
        check(
                name + " multipart without boundary",
                send(
                        method,
                        path,
                        "multipart/form-data",
                        "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--x--\r\n"
                                .getBytes(StandardCharsets.UTF_8),
                        caller),
                multipart ? "file" : null,
                false);
        if (multipart) {
            String boundary = "b" + System.nanoTime();
            for (String bad : CONTROL.subList(0, 5)) {
                byte[] part = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + bad
                                + "\r\n--" + boundary + "--\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                check(
                        name + " multipart field with " + escape(bad),
                        send(method, path, "multipart/form-data; boundary=" + boundary, part, caller),
                        "note",
                        false);
            }
            byte[] noFile = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                            + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            check(
                    name + " multipart without its file",
                    send(method, path, "multipart/form-data; boundary=" + boundary, noFile, caller),
                    "file",
                    false);
            return;
        }
        check(
                name + " unknown field",
                send(
                        method,
                        path,
                        "application/json",
                        "{\"zzUnknownField\": 1}".getBytes(StandardCharsets.UTF_8),
                        caller),
                "zzUnknownField",
                false);
        if (pattern.contains("{event}")) { // every event, each with its own form
            for (String event : events()) {
                sweepFields(
                        method,
                        fill(pattern, Map.of("event", event)),
                        name + " (" + event + ")",
                        formFields(messageForm(event)),
                        caller);
            }
            return;
        }
        sweepFields(method, path, name, fields(pattern, body), caller);
    }

    private void sweepFields(String method, String path, String name, List<Field> fields, String caller) {
        for (Field field : fields) {
            for (JsonNode bad : badValues(field)) {
                // A lone surrogate cannot be encoded in UTF-8: sent as the JSON escape a client could write.
                byte[] json =
                        wrap(field, bad).toString().replace("\ud800", "\\ud800").getBytes(StandardCharsets.UTF_8);
                String shown = bad.isTextual() && bad.asText().length() > 40
                        ? "\"x\" * " + bad.asText().length()
                        : escape(bad.toString());
                check(
                        name + " " + field.name() + "=" + shown,
                        send(method, path, "application/json", json, caller),
                        field.name(),
                        false);
            }
        }
    }

    /** GET endpoints: control characters and wrong types in each declared query parameter, and an undeclared one. */
    private void sweepQuery(String pattern, HandlerMethod handler) {
        String caller = pattern.startsWith("/api/admin") ? admin : coordinator;
        String path = fill(pattern, Map.of());
        String name = "GET " + pattern;
        List<String> parameters = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                String key = !param.name().isEmpty()
                        ? param.name()
                        : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                parameters.add(key);
                if (parameter.getParameterType() != String.class) {
                    var response = send("GET", path + "?" + key + "=%7Bnot%7D", null, null, caller);
                    check(name + " ?" + key + "=wrong type", response, key, unconfigured(pattern, response));
                }
            }
        }
        parameters.add("zzSweep");
        for (String key : parameters) {
            for (String bad : CONTROL.subList(0, 3)) {
                var response = send(
                        "GET",
                        path + "?" + key + "=" + URLEncoder.encode(bad, StandardCharsets.UTF_8),
                        null,
                        null,
                        caller);
                check(name + " ?" + key + "=" + escape(bad), response, key, unconfigured(pattern, response));
            }
        }
    }

    /** Keycloak's admin API is not configured in these tests: the endpoints that reach it answer 503. */
    private static boolean unconfigured(String pattern, HttpResponse<String> response) {
        return (pattern.startsWith("/api/admin") || pattern.startsWith("/api/association/"))
                && response.statusCode() == 503;
    }

    /** Checks one answer: a 4xx problem document, no internals, naming {@code field} if given. */
    private void check(String what, HttpResponse<String> response, String field, boolean tolerated) {
        int status = response.statusCode();
        String body = response.body();
        if (tolerated) {
            field = null;
        }
        if (status >= 500 && !tolerated) {
            fiveHundreds.add(what + " -> " + status + " " + abbreviate(body));
            return;
        }
        if (status < 400 && !tolerated) {
            failures.add(what + " -> accepted: " + status + " " + abbreviate(body));
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " not a problem document (" + type + "): " + abbreviate(body));
            return;
        }
        Matcher internal = INTERNAL.matcher(body);
        if (internal.find()) {
            failures.add(what + " -> names internals (" + internal.group() + "): " + abbreviate(body));
        }
        if (field != null && status < 500) {
            try {
                JsonNode errors = JSON.readTree(body).path("errors");
                JsonNode codes = JSON.readTree(body).path("errorCodes");
                boolean named = false;
                for (var names = errors.fieldNames(); names.hasNext(); ) {
                    String key = names.next();
                    if (key.equals(field)
                            || key.startsWith(field + ".")
                            || key.startsWith(field + "[")
                            || key.equals("path")) {
                        named = codes.has(key);
                    }
                }
                if (!named) {
                    failures.add(what + " -> " + status + " does not name " + field + ": " + abbreviate(body));
                }
            } catch (IOException e) {
                failures.add(what + " -> unreadable problem: " + abbreviate(body));
            }
        }
    }

    /**
     * A field and how to reach it: {@code steps} are keys and list indexes; {@code frames} the
     * object around each key, with its primitive flags set (false, 0), so that a nested fault is
     * not hidden behind a missing sibling flag.
     */
    private record Field(
            String name,
            List<Object> steps,
            List<ObjectNode> frames,
            String kind,
            boolean multiLine,
            List<String> choices) {}

    /** The fields of a body: a request record's components (nested and list elements too), or a form's fields. */
    private List<Field> fields(String pattern, MethodParameter body) {
        List<Field> fields = new ArrayList<>();
        Class<?> type = body.getParameterType();
        if (Map.class.isAssignableFrom(type)) {
            return pattern.startsWith("/api/tasks/") ? formFields(taskForm) : fields;
        }
        recordFields(type, new ArrayList<>(), new ArrayList<>(), "", fields, 0);
        return fields;
    }

    private static void recordFields(
            Class<?> type, List<Object> steps, List<ObjectNode> frames, String prefix, List<Field> fields, int depth) {
        if (!type.isRecord() || depth > 4) {
            return;
        }
        ObjectNode frame = NODES.objectNode();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == boolean.class) {
                frame.put(component.getName(), false);
            } else if (component.getType().isPrimitive()) {
                frame.put(component.getName(), 0);
            }
        }
        List<ObjectNode> within = new ArrayList<>(frames);
        within.add(frame);
        for (RecordComponent component : type.getRecordComponents()) {
            List<Object> at = new ArrayList<>(steps);
            at.add(component.getName());
            String name = prefix + component.getName();
            boolean multiLine = component.isAnnotationPresent(PlainText.MultiLine.class);
            typed(component.getType(), component.getGenericType(), at, within, name, multiLine, fields, depth);
        }
    }

    private static void typed(
            Class<?> type,
            Type generic,
            List<Object> at,
            List<ObjectNode> frames,
            String name,
            boolean multiLine,
            List<Field> fields,
            int depth) {
        if (Collection.class.isAssignableFrom(type)) {
            fields.add(new Field(name, at, frames, "list", false, List.of()));
            if (generic instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
                List<Object> first = new ArrayList<>(at);
                first.add(0);
                typed(element, element, first, frames, name + "[0]", multiLine, fields, depth + 1);
            }
        } else if (type.isRecord()) {
            fields.add(new Field(name, at, frames, "object", false, List.of()));
            recordFields(type, at, frames, name + ".", fields, depth + 1);
        } else {
            fields.add(new Field(name, at, frames, kindOf(type), multiLine, List.of()));
        }
    }

    private static String kindOf(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "number";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == UUID.class) {
            return "id";
        }
        if (type.isEnum()) {
            return "enum";
        }
        return "object";
    }

    private static List<Field> formFields(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        formFields(form.path("components"), fields);
        return fields;
    }

    /** The case events, one per form in the processes jar's messages folder. */
    private static List<String> events() {
        try {
            List<String> events = new ArrayList<>();
            for (var resource : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath*:messages/*.form")) {
                events.add(resource.getFilename().replace(".form", ""));
            }
            assertThat(events).as("event forms").isNotEmpty();
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void formFields(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                formFields(component.path("components"), fields);
            }
            String key = component.path("key").asText(null);
            if (key == null) {
                continue;
            }
            List<String> choices = new ArrayList<>();
            component
                    .path("values")
                    .forEach(value -> choices.add(value.path("value").asText()));
            String kind = switch (component.path("type").asText()) {
                case "textfield", "textarea" -> "form-text";
                case "number" -> "form-number";
                case "checkbox" -> "form-boolean";
                case "select", "radio" -> "form-choice";
                case "checklist", "taglist" -> "form-choices";
                case "datetime" ->
                    "datetime".equals(component.path("subtype").asText())
                            ? "form-datetime"
                            : "time".equals(component.path("subtype").asText()) ? "form-time" : "form-date";
                default -> null;
            };
            if (kind != null) {
                fields.add(new Field(
                        key,
                        List.of(key),
                        List.of(NODES.objectNode()),
                        kind,
                        "textarea".equals(component.path("type").asText()),
                        choices));
            }
        }
    }

    private static List<JsonNode> badValues(Field field) {
        List<JsonNode> values = new ArrayList<>();
        switch (field.kind()) {
            case "text", "form-text" -> {
                values.add(NODES.numberNode(12345));
                values.add(NODES.booleanNode(true));
                values.add(NODES.objectNode());
                values.add(NODES.arrayNode());
                CONTROL.forEach(text -> values.add(NODES.textNode(text)));
                if (!field.multiLine()) {
                    values.add(NODES.textNode("two\nlines"));
                    values.add(NODES.textNode("a\tb"));
                }
                values.add(NODES.textNode("x".repeat(field.kind().equals("text") ? 100_001 : 10_001)));
            }
            case "boolean", "form-boolean" -> {
                values.add(NODES.numberNode(2));
                values.add(NODES.textNode("true"));
                values.add(NODES.arrayNode());
                values.add(NODES.objectNode());
                if (field.kind().equals("boolean")) {
                    values.add(NODES.textNode(""));
                }
            }
            case "integer", "number", "form-number" -> {
                values.add(NODES.textNode("12"));
                values.add(NODES.booleanNode(true));
                values.add(NODES.objectNode());
                if (!field.kind().equals("number")) {
                    values.add(NODES.numberNode(new BigDecimal("1.5")));
                }
            }
            case "date", "form-date", "form-datetime" -> {
                values.add(NODES.numberNode(12345));
                values.add(NODES.arrayNode());
                values.add(NODES.arrayNode().add(2026).add(1).add(5));
                values.add(NODES.objectNode());
                values.add(NODES.booleanNode(true));
                values.add(NODES.textNode(field.kind().equals("form-datetime") ? "2026-02-30T10:00" : "2026-02-30"));
                values.add(NODES.textNode("31/01/2025"));
                values.add(NODES.textNode("2026-13-01"));
                values.add(NODES.textNode("a\u0000b"));
                if (field.kind().equals("date")) {
                    values.add(NODES.textNode(""));
                }
            }
            case "form-time" -> {
                values.add(NODES.textNode("25:00"));
                values.add(NODES.numberNode(930));
            }
            case "enum", "form-choice" -> {
                values.add(NODES.numberNode(7));
                values.add(NODES.textNode("NOT_A_VALUE"));
                values.add(NODES.booleanNode(true));
                values.add(NODES.arrayNode());
                values.add(NODES.textNode("a\u0000b"));
                if (field.kind().equals("enum")) {
                    values.add(NODES.textNode(""));
                }
            }
            case "form-choices" -> {
                values.add(NODES.textNode("x"));
                values.add(NODES.arrayNode().add("NOT_A_VALUE"));
                values.add(NODES.arrayNode().add(7));
            }
            case "id" -> {
                values.add(NODES.textNode("not-an-id"));
                values.add(NODES.numberNode(123));
                values.add(NODES.textNode(""));
                values.add(NODES.objectNode());
                values.add(NODES.textNode("a\u0000b"));
            }
            case "list" -> {
                values.add(NODES.textNode("x"));
                values.add(NODES.numberNode(12));
                values.add(NODES.objectNode());
                values.add(NODES.booleanNode(false));
            }
            default -> { // object
                values.add(NODES.textNode("x"));
                values.add(NODES.numberNode(12));
                values.add(NODES.arrayNode());
                values.add(NODES.booleanNode(true));
            }
        }
        return values;
    }

    /** {@code {"a": {"b": [value]}}} for the steps a, b, 0, each object on its frame. */
    private static JsonNode wrap(Field field, JsonNode value) {
        JsonNode node = value;
        int frame = field.frames().size() - 1;
        for (int i = field.steps().size() - 1; i >= 0; i--) {
            Object step = field.steps().get(i);
            if (step instanceof Integer) {
                ArrayNode array = NODES.arrayNode();
                array.add(node);
                node = array;
            } else {
                ObjectNode object = field.frames().get(Math.max(frame--, 0)).deepCopy();
                object.set((String) step, node);
                node = object;
            }
        }
        return node;
    }

    private JsonNode messageForm(String event) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("messages/" + event + ".form")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MethodParameter parameter(
            HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> a) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(a)) {
                return parameter;
            }
        }
        return null;
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{([^}:]+)[^}]*}").matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The pattern with each variable replaced by a sample that exists (or by the override given). */
    private String fill(String pattern, Map<String, String> overrides) {
        Map<String, String> samples = new LinkedHashMap<>();
        for (String variable : variables(pattern)) {
            String value = switch (variable) {
                case "caseId" -> caseId;
                case "documentId" -> documentId;
                case "piece" -> piece;
                case "event" -> "decision-notified";
                case "slug" -> ALPHA;
                case "id" ->
                    pattern.startsWith("/api/applicants")
                            ? applicantId
                            : pattern.startsWith("/api/tasks") ? taskId : caseId;
                default -> UUID.randomUUID().toString();
            };
            samples.put(variable, overrides.getOrDefault(variable, value));
        }
        String path = pattern;
        for (var sample : samples.entrySet()) {
            path = path.replaceFirst(
                    "\\{" + Pattern.quote(sample.getKey()) + "[^}]*}", Matcher.quoteReplacement(sample.getValue()));
        }
        return path;
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body, String token) {
        sent++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json, application/problem+json, */*;q=0.1")
                .header("Authorization", "Bearer " + token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token.equals(coordinator)) {
            request.header("X-Association", ALPHA);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(c -> out.append(
                        c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate((char) c)
                                ? String.format("\\u%04x", c)
                                : String.valueOf((char) c)));
        return out.toString();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
