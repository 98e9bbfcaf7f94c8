package fr.passerelle.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import fr.passerelle.web.InputRefusal.Fault;
import fr.passerelle.web.PlainText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A task's Camunda Form (form-js JSON, beside the BPMN) used as the schema of what the task
 * may be completed with: only its fields, each of the right type, required ones present,
 * within their bounds and choices, text without control characters (a text area may hold
 * line breaks and tabs, a text field not).
 *
 * <p>As the web form does: a field hidden by its condition ({@code conditional.hide}, FEEL,
 * {@link FormCondition}; a group's hides its fields) is not required and its value, if sent,
 * is not kept; a field the submission leaves out takes the form's {@code defaultValue} (a
 * checkbox without one is false), so a gateway after the task never reads a missing answer.
 * Conditions read the submission (defaults included), else the process variables.
 */
final class TaskForm {
    /** Longest text accepted in a field that sets no maxLength of its own. */
    static final int DEFAULT_MAX_TEXT = 10_000;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{6,20}$");

    enum Kind {
        TEXT,
        NUMBER,
        BOOLEAN,
        CHOICE,
        CHOICES,
        DATE,
        DATE_TIME,
        TIME
    }

    record Field(
            String key,
            String label,
            Kind kind,
            boolean required,
            Set<String> choices,
            BigDecimal min,
            BigDecimal max,
            Integer minLength,
            int maxLength,
            Pattern pattern,
            String validationType,
            boolean notInFuture,
            String notBefore,
            String sameDayAs,
            boolean multiLine,
            List<FormCondition> hiddenWhen,
            Object defaultValue) {
        boolean hidden(Function<String, Object> values) {
            return hiddenWhen.stream().anyMatch(condition -> condition.holds(values));
        }
    }

    private final String id;
    private final Map<String, Field> fields;

    private TaskForm(String id, Map<String, Field> fields) {
        this.id = id;
        this.fields = fields;
    }

    String id() {
        return id;
    }

    Map<String, Field> fields() {
        return fields;
    }

    static TaskForm of(JsonNode schema) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(schema.path("components"), List.of(), fields);
        return new TaskForm(schema.path("id").asText(""), fields);
    }

    /** Throws {@link IllegalArgumentException} naming the field whose condition has a shape not understood. */
    private static void collect(JsonNode components, List<FormCondition> outer, Map<String, Field> fields) {
        for (JsonNode component : components) {
            List<FormCondition> hiddenWhen = new ArrayList<>(outer);
            String hide = component.path("conditional").path("hide").asText(null);
            if (hide != null && !hide.isBlank()) {
                try {
                    hiddenWhen.add(FormCondition.parse(hide));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "component "
                                    + component
                                            .path("key")
                                            .asText(component.path("id").asText("?")) + ": " + e.getMessage(),
                            e);
                }
            }
            if (component.has("components")) { // group, dynamic list: their fields count as the form's
                collect(component.path("components"), List.copyOf(hiddenWhen), fields);
            }
            Kind kind = kindOf(component);
            String key = component.path("key").asText(null);
            if (kind == null
                    || key == null
                    || component.path("disabled").asBoolean(false)
                    || component.path("readonly").asBoolean(false)) {
                continue;
            }
            JsonNode validate = component.path("validate");
            Set<String> choices = component.has("values") ? toSet(component.path("values")) : Set.of();
            fields.put(
                    key,
                    new Field(
                            key,
                            component.path("label").asText(key),
                            kind,
                            validate.path("required").asBoolean(false),
                            choices,
                            decimal(validate.path("min")),
                            decimal(validate.path("max")),
                            validate.has("minLength")
                                    ? validate.path("minLength").asInt()
                                    : null,
                            validate.has("maxLength")
                                    ? validate.path("maxLength").asInt()
                                    : DEFAULT_MAX_TEXT,
                            validate.has("pattern")
                                    ? Pattern.compile(validate.path("pattern").asText())
                                    : null,
                            validate.path("validationType").asText(null),
                            component
                                    .path("properties")
                                    .path("notInFuture")
                                    .asText("")
                                    .equals("true"),
                            component.path("properties").path("notBefore").asText(null),
                            component.path("properties").path("sameDayAs").asText(null),
                            "textarea".equals(component.path("type").asText()),
                            List.copyOf(hiddenWhen),
                            defaultValue(kind, component)));
        }
    }

    private static Kind kindOf(JsonNode component) {
        return switch (component.path("type").asText()) {
            case "textfield", "textarea" -> Kind.TEXT;
            case "number" -> Kind.NUMBER;
            case "checkbox" -> Kind.BOOLEAN;
            case "select", "radio" -> Kind.CHOICE;
            case "checklist", "taglist" -> Kind.CHOICES;
            case "datetime" ->
                switch (component.path("subtype").asText("date")) {
                    case "datetime" -> Kind.DATE_TIME;
                    case "time" -> Kind.TIME;
                    default -> Kind.DATE;
                };
            default -> null; // text, image, spacer, separator, button, group...: nothing to submit
        };
    }

    Map<String, Object> validate(Map<String, Object> submission) {
        return validate(submission, name -> null, LocalDate.MAX);
    }

    /**
     * Checks a submission and returns it as process variables; refuses it with every fault
     * named by field. Date checks ({@code notBefore}) compare with the submission's other
     * fields, else with {@code known} (the process variables); {@code today} bounds
     * {@code notInFuture} dates.
     */
    Map<String, Object> validate(Map<String, Object> submission, Function<String, Object> known, LocalDate today) {
        Map<String, Fault> errors = new TreeMap<>();
        Map<String, Object> given = new LinkedHashMap<>();
        for (String key : submission.keySet()) {
            if (!fields.containsKey(key)) {
                errors.put(key, Fault.of("unknown_field", "is not a field of this form"));
            }
        }
        for (Field field : fields.values()) {
            Object value = submission.get(field.key());
            if (value == null || (value instanceof String text && text.isBlank())) {
                if (field.defaultValue() != null) {
                    given.put(field.key(), field.defaultValue());
                }
                continue;
            }
            try {
                given.put(field.key(), convert(field, value));
            } catch (FaultyValue e) {
                errors.put(field.key(), e.fault);
            }
        }
        Function<String, Object> values = name -> fields.containsKey(name) ? given.get(name) : known.apply(name);
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Field field : fields.values()) {
            boolean hidden;
            try {
                hidden = field.hidden(values);
            } catch (RuntimeException e) { // a process variable that cannot be read: the field stays shown
                hidden = false;
            }
            if (hidden) {
                continue; // as the web form: a hidden field is neither required nor submitted
            }
            if (given.containsKey(field.key())) {
                variables.put(field.key(), given.get(field.key()));
            } else if (field.required() && !errors.containsKey(field.key())) {
                errors.put(
                        field.key(),
                        field.hiddenWhen().isEmpty()
                                ? Fault.of("required", "is required")
                                : Fault.of("required_here", "is required with the answers given"));
            }
        }
        for (Field field : fields.values()) {
            if (!errors.containsKey(field.key())
                    && variables.get(field.key()) instanceof String value
                    && (field.kind() == Kind.DATE || field.kind() == Kind.DATE_TIME)) {
                checkDate(field, value, variables, known, today).ifPresent(fault -> errors.put(field.key(), fault));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return variables;
    }

    /** The value a field has when the submission leaves it out, as the web form would send it. */
    private static Object defaultValue(Kind kind, JsonNode component) {
        JsonNode value = component.path("defaultValue");
        if (value.isMissingNode() || value.isNull()) {
            return kind == Kind.BOOLEAN ? Boolean.FALSE : null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? (Object) value.longValue() : (Object) value.doubleValue();
        }
        if (value.isTextual()) {
            return value.asText().isBlank() ? null : value.asText();
        }
        return null;
    }

    private Optional<Fault> checkDate(
            Field field, String value, Map<String, Object> submitted, Function<String, Object> known, LocalDate today) {
        LocalDate date = LocalDate.parse(value.substring(0, 10));
        if (field.notInFuture() && date.isAfter(today)) {
            return Optional.of(Fault.of("in_future", "cannot be in the future (" + value + ")", value));
        }
        if (field.notBefore() != null) {
            Object other = submitted.containsKey(field.notBefore())
                    ? submitted.get(field.notBefore())
                    : known.apply(field.notBefore());
            if (other instanceof String text && text.length() >= 10) {
                LocalDate bound = LocalDate.parse(text.substring(0, 10));
                if (date.isBefore(bound)) {
                    return Optional.of(Fault.of(
                            "before_other",
                            "cannot be before " + field.notBefore() + " (" + text + ")",
                            field.notBefore(),
                            text));
                }
            }
        }
        if (field.sameDayAs() != null) {
            Object other = submitted.containsKey(field.sameDayAs())
                    ? submitted.get(field.sameDayAs())
                    : known.apply(field.sameDayAs());
            if (other instanceof String text
                    && text.length() >= 10
                    && !date.equals(LocalDate.parse(text.substring(0, 10)))) {
                return Optional.of(Fault.of(
                        "not_same_day",
                        "must be on the same day as " + field.sameDayAs() + " (" + text + ")",
                        field.sameDayAs(),
                        text));
            }
        }
        return Optional.empty();
    }

    private static Object convert(Field field, Object value) {
        return switch (field.kind()) {
            case TEXT -> text(field, value);
            case NUMBER -> number(field, value);
            case BOOLEAN -> {
                if (!(value instanceof Boolean bool)) {
                    throw new FaultyValue("not_boolean", "must be true or false");
                }
                yield bool;
            }
            case CHOICE -> choice(field, value);
            case CHOICES -> {
                if (!(value instanceof List<?> list)) {
                    throw new FaultyValue("not_list", "must be a list");
                }
                yield list.stream().map(item -> choice(field, item)).toList();
            }
            case DATE -> {
                String text = string(value, "not_date", "must be a date yyyy-MM-dd");
                if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new FaultyValue("not_date", "must be a date yyyy-MM-dd");
                }
                parse(() -> LocalDate.parse(text), "impossible_date", "is not a date that exists (" + text + ")", text);
                yield text;
            }
            case DATE_TIME -> {
                String text = string(value, "not_date_time", "must be a date and time yyyy-MM-ddTHH:mm");
                parse(
                        () -> {
                            if (text.endsWith("Z") || text.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
                                OffsetDateTime.parse(text);
                            } else {
                                LocalDateTime.parse(text);
                            }
                        },
                        "not_date_time",
                        "must be a date and time yyyy-MM-ddTHH:mm");
                yield text;
            }
            case TIME -> {
                String text = string(value, "not_time", "must be a time HH:mm");
                parse(() -> LocalTime.parse(text), "not_time", "must be a time HH:mm");
                yield text;
            }
        };
    }

    private static String text(Field field, Object value) {
        String text = string(value, "not_text", "must be text");
        var control = PlainText.fault(text, field.multiLine());
        if (control.isPresent()) {
            throw new FaultyValue(control.get());
        }
        if (text.length() > field.maxLength()) {
            throw new FaultyValue("too_long", "longer than " + field.maxLength() + " characters", field.maxLength());
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            throw new FaultyValue("too_short", "shorter than " + field.minLength() + " characters", field.minLength());
        }
        if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
            throw new FaultyValue("pattern_mismatch", "is not in the expected format");
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
            throw new FaultyValue("not_email", "must be an e-mail address");
        }
        if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
            throw new FaultyValue("not_phone", "must be a phone number");
        }
        return text;
    }

    private static Number number(Field field, Object value) {
        BigDecimal number;
        try {
            if (!(value instanceof Number n)) { // a JSON number, not text that looks like one
                throw new FaultyValue("not_number", "must be a number");
            }
            number = new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            throw new FaultyValue("not_number", "must be a number");
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            throw new FaultyValue("at_least", "must be at least " + field.min(), field.min());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            throw new FaultyValue("at_most", "must be at most " + field.max(), field.max());
        }
        return number.scale() <= 0 ? (Number) number.longValueExact() : (Number) number.doubleValue();
    }

    private static String choice(Field field, Object value) {
        String choices = field.choices().stream().sorted().collect(Collectors.joining(", "));
        String text = string(value, "not_choice", "must be one of " + choices, choices);
        if (!field.choices().isEmpty() && !field.choices().contains(text)) {
            throw new FaultyValue("not_choice", "must be one of " + choices, choices);
        }
        PlainText.fault(text, false).ifPresent(fault -> {
            throw new FaultyValue(fault);
        });
        return text;
    }

    private static String string(Object value, String code, String message, Object... args) {
        if (!(value instanceof String text)) {
            throw new FaultyValue(code, message, args);
        }
        return text;
    }

    private static void parse(Runnable parser, String code, String message, Object... args) {
        try {
            parser.run();
        } catch (DateTimeParseException e) {
            throw new FaultyValue(code, message, args);
        }
    }

    /** A value the field cannot take, and why. */
    private static final class FaultyValue extends RuntimeException {
        final transient Fault fault;

        FaultyValue(String code, String message, Object... args) {
            this(Fault.of(code, message, args));
        }

        FaultyValue(Fault fault) {
            super(fault.message(), null, false, false);
            this.fault = fault;
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static Set<String> toSet(JsonNode values) {
        List<String> list = new ArrayList<>();
        values.forEach(value -> list.add(value.path("value").asText()));
        return Set.copyOf(list);
    }
}
