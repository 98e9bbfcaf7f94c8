package fr.passerelle.procedure;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.function.Function;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A task's Camunda Form (form-js JSON, beside the BPMN) used as the schema of what the task
 * may be completed with: only its fields, each of the right type, required ones present,
 * within their bounds and choices. Conditions written in FEEL ({@code conditional.hide}) are
 * not evaluated here, so a conditional field is never required by the server.
 */
final class TaskForm {
    /** Longest text accepted in a field that sets no maxLength of its own. */
    static final int DEFAULT_MAX_TEXT = 10_000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{6,20}$");

    enum Kind { TEXT, NUMBER, BOOLEAN, CHOICE, CHOICES, DATE, DATE_TIME, TIME }

    record Field(String key, String label, Kind kind, boolean required, Set<String> choices,
                 BigDecimal min, BigDecimal max, Integer minLength, int maxLength, Pattern pattern,
                 String validationType, boolean notInFuture, String notBefore) {
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
        collect(schema.path("components"), fields);
        return new TaskForm(schema.path("id").asText(""), fields);
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) { // group, dynamic list: their fields count as the form's
                collect(component.path("components"), fields);
            }
            Kind kind = kindOf(component);
            String key = component.path("key").asText(null);
            if (kind == null || key == null || component.path("disabled").asBoolean(false)
                    || component.path("readonly").asBoolean(false)) {
                continue;
            }
            JsonNode validate = component.path("validate");
            Set<String> choices = component.has("values")
                    ? toSet(component.path("values"))
                    : Set.of();
            boolean conditional = component.has("conditional");
            fields.put(key, new Field(key, component.path("label").asText(key), kind,
                    validate.path("required").asBoolean(false) && !conditional, choices,
                    decimal(validate.path("min")), decimal(validate.path("max")),
                    validate.has("minLength") ? validate.path("minLength").asInt() : null,
                    validate.has("maxLength") ? validate.path("maxLength").asInt() : DEFAULT_MAX_TEXT,
                    validate.has("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null,
                    validate.path("validationType").asText(null),
                    component.path("properties").path("notInFuture").asText("").equals("true"),
                    component.path("properties").path("notBefore").asText(null)));
        }
    }

    private static Kind kindOf(JsonNode component) {
        return switch (component.path("type").asText()) {
            case "textfield", "textarea" -> Kind.TEXT;
            case "number" -> Kind.NUMBER;
            case "checkbox" -> Kind.BOOLEAN;
            case "select", "radio" -> Kind.CHOICE;
            case "checklist", "taglist" -> Kind.CHOICES;
            case "datetime" -> switch (component.path("subtype").asText("date")) {
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
        Map<String, String> errors = new TreeMap<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String key : submission.keySet()) {
            if (!fields.containsKey(key)) {
                errors.put(key, "unknown field for form " + id);
            }
        }
        for (Field field : fields.values()) {
            Object value = submission.get(field.key());
            if (value == null || (value instanceof String text && text.isBlank())) {
                if (field.required()) {
                    errors.put(field.key(), "required");
                }
                continue;
            }
            try {
                variables.put(field.key(), convert(field, value));
            } catch (IllegalArgumentException e) {
                errors.put(field.key(), e.getMessage());
            }
        }
        for (Field field : fields.values()) {
            if (!errors.containsKey(field.key()) && variables.get(field.key()) instanceof String value
                    && (field.kind() == Kind.DATE || field.kind() == Kind.DATE_TIME)) {
                checkDate(field, value, variables, known, today).ifPresent(fault -> errors.put(field.key(), fault));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid task submission", errors);
        }
        return variables;
    }

    private Optional<String> checkDate(Field field, String value, Map<String, Object> submitted,
                                       Function<String, Object> known, LocalDate today) {
        LocalDate date = LocalDate.parse(value.substring(0, 10));
        if (field.notInFuture() && date.isAfter(today)) {
            return Optional.of("cannot be in the future (" + value + ")");
        }
        if (field.notBefore() != null) {
            Object other = submitted.containsKey(field.notBefore()) ? submitted.get(field.notBefore())
                    : known.apply(field.notBefore());
            if (other instanceof String text && text.length() >= 10) {
                LocalDate bound = LocalDate.parse(text.substring(0, 10));
                if (date.isBefore(bound)) {
                    return Optional.of("cannot be before " + field.notBefore() + " (" + text + ")");
                }
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
                    throw new IllegalArgumentException("must be true or false");
                }
                yield bool;
            }
            case CHOICE -> choice(field, value);
            case CHOICES -> {
                if (!(value instanceof List<?> list)) {
                    throw new IllegalArgumentException("must be a list of " + field.choices());
                }
                yield list.stream().map(item -> choice(field, item)).toList();
            }
            case DATE -> {
                String text = string(value, "a date yyyy-MM-dd");
                parse(() -> LocalDate.parse(text), "a date yyyy-MM-dd");
                yield text;
            }
            case DATE_TIME -> {
                String text = string(value, "a date and time yyyy-MM-ddTHH:mm");
                parse(() -> {
                    if (text.endsWith("Z") || text.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
                        OffsetDateTime.parse(text);
                    } else {
                        LocalDateTime.parse(text);
                    }
                }, "a date and time yyyy-MM-ddTHH:mm");
                yield text;
            }
            case TIME -> {
                String text = string(value, "a time HH:mm");
                parse(() -> LocalTime.parse(text), "a time HH:mm");
                yield text;
            }
        };
    }

    private static String text(Field field, Object value) {
        String text = string(value, "text");
        if (text.length() > field.maxLength()) {
            throw new IllegalArgumentException("longer than " + field.maxLength() + " characters");
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            throw new IllegalArgumentException("shorter than " + field.minLength() + " characters");
        }
        if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
            throw new IllegalArgumentException("does not match " + field.pattern().pattern());
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
            throw new IllegalArgumentException("must be an e-mail address");
        }
        if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a phone number");
        }
        return text;
    }

    private static Number number(Field field, Object value) {
        BigDecimal number;
        try {
            number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(string(value, "a number"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number");
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            throw new IllegalArgumentException("must be at least " + field.min());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            throw new IllegalArgumentException("must be at most " + field.max());
        }
        return number.scale() <= 0 ? (Number) number.longValueExact() : (Number) number.doubleValue();
    }

    private static String choice(Field field, Object value) {
        String text = string(value, "one of " + field.choices());
        if (!field.choices().isEmpty() && !field.choices().contains(text)) {
            throw new IllegalArgumentException("must be one of " + field.choices().stream().sorted()
                    .collect(Collectors.joining(", ")));
        }
        return text;
    }

    private static String string(Object value, String expected) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("must be " + expected);
        }
        return text;
    }

    private static void parse(Runnable parser, String expected) {
        try {
            parser.run();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be " + expected);
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
