package fr.passerelle.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every task and event form of the processes jar, walked: a complete submission is taken; each
 * required field, missing, is refused naming it, and a field required under a condition is
 * refused exactly when its condition shows it (found by trying the condition's values).
 */
class EveryTaskFormTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Map<String, TaskForm> FORMS = FormCatalogCheck.all(new ObjectMapper());

    static Stream<Arguments> forms() {
        return FORMS.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @Test
    void theCatalogueHoldsTheFormsAndTheConditionsOfTheIssue() {
        assertThat(FORMS)
                .hasSizeGreaterThan(40)
                .containsKeys(
                        "forms/case-prepare.form",
                        "forms/appointment-booking-attempt.form",
                        "messages/decision-notified.form");
        assertThat(FORMS.get("forms/case-prepare.form").fields().get("ground").hiddenWhen())
                .isNotEmpty();
        assertThat(FORMS.get("forms/appointment-booking-attempt.form")
                        .fields()
                        .get("appointmentDate")
                        .hiddenWhen())
                .isNotEmpty();
    }

    /** Issue 18 item 14: the card's end opens the next renewal window, so it is required wherever a card is collected. */
    @Test
    void aCardIsCollectedOnlyWithItsEndDate() {
        for (String form : List.of("forms/decision-collect-card.form", "forms/case-collect-permit.form")) {
            assertThat(catchThrowableOfType(
                                    InvalidInputException.class,
                                    () -> FORMS.get(form)
                                            .validate(
                                                    Map.of("cardCollectedDate", TODAY.toString()), name -> null, TODAY))
                            .faults())
                    .as(form)
                    .containsKey("cardValidUntil");
        }
    }

    /** The renewal's récépissé or attestation is optional, but never ends before it was issued. */
    @Test
    void aRenewalsDocumentMayWaitButNeverEndsBeforeItsIssue() {
        TaskForm renewal = FORMS.get("forms/case-renewal-filed.form");
        String day = TODAY.toString();
        assertThat(renewal.validate(Map.of("renewalFiledDate", day, "renewalChannel", "ANEF"), name -> null, TODAY))
                .containsEntry("renewalChannel", "ANEF");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> renewal.validate(
                                        Map.of(
                                                "renewalFiledDate",
                                                day,
                                                "renewalChannel",
                                                "PREFECTURE",
                                                "renewalReceiptIssuedDate",
                                                day,
                                                "renewalReceiptValidUntil",
                                                TODAY.minusDays(1).toString()),
                                        name -> null,
                                        TODAY))
                        .faults())
                .containsOnlyKeys("renewalReceiptValidUntil");
    }

    @Test
    void preparingWithNothingNeedsAGroundAndASlotNeedsItsDate() {
        TaskForm prepare = FORMS.get("forms/case-prepare.form");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class, () -> prepare.validate(Map.of(), name -> null, TODAY))
                        .faults())
                .containsOnlyKeys("ground");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> prepare.validate(
                                        Map.of("proceedWithApplication", false, "closingReason", "parti"),
                                        name -> null,
                                        TODAY))
                        .faults())
                .as("closed at triage: why, from the list")
                .containsOnlyKeys("closingKind");
        assertThat(prepare.validate(
                        Map.of("proceedWithApplication", false, "closingKind", "WITHDRAWN", "closingReason", "parti"),
                        name -> null,
                        TODAY))
                .containsEntry("proceedWithApplication", false)
                .containsEntry("closingKind", "WITHDRAWN")
                .doesNotContainKey("ground");
        TaskForm booking = FORMS.get("forms/appointment-booking-attempt.form");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> booking.validate(
                                        Map.of(
                                                "attemptAt",
                                                "2026-05-01T09:00",
                                                "attemptChannel",
                                                "ANEF",
                                                "attemptResult",
                                                "SLOT_OBTAINED"),
                                        name -> null,
                                        TODAY))
                        .faults())
                .containsOnlyKeys("appointmentDate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aCompleteSubmissionIsTakenAndEachMissingRequirementNamed(String name, TaskForm form) {
        Map<String, Object> complete = complete(form);
        assertThatCode(() -> form.validate(complete, variable -> null, TODAY))
                .as(name + " " + complete)
                .doesNotThrowAnyException();
        for (TaskForm.Field field : form.fields().values()) {
            if (!field.required()) {
                continue;
            }
            if (field.hiddenWhen().isEmpty()) {
                Map<String, Object> without = new LinkedHashMap<>(complete);
                without.remove(field.key());
                if (field.defaultValue() == null) {
                    assertThat(refusal(form, without, Map.of()))
                            .as(name + ": " + field.key())
                            .hasValueSatisfying(faults -> assertThat(faults).containsKey(field.key()));
                }
                continue;
            }
            // Conditionally required: shown by some answers (then refused when missing), hidden by others.
            boolean shown = false;
            boolean hidden = false;
            for (Map<String, Object> answers : assignments(form, field)) {
                Map<String, Object> submission = new LinkedHashMap<>(complete);
                Map<String, Object> process = new HashMap<>();
                answers.forEach((variable, value) -> {
                    if (form.fields().containsKey(variable)) {
                        submission.put(variable, value);
                    } else {
                        process.put(variable, value);
                    }
                });
                submission.remove(field.key());
                boolean visible = !field.hidden(variable ->
                        submission.containsKey(variable) ? submission.get(variable) : process.get(variable));
                Optional<Map<String, ?>> refused = refusal(form, submission, process);
                if (visible) {
                    shown = true;
                    assertThat(refused)
                            .as(name + ": " + field.key() + " with " + answers)
                            .hasValueSatisfying(faults -> assertThat(faults).containsKey(field.key()));
                } else {
                    hidden = true;
                    assertThat(refused.map(faults -> faults.containsKey(field.key()))
                                    .orElse(false))
                            .as(name + ": " + field.key() + " hidden with " + answers)
                            .isFalse();
                }
            }
            assertThat(shown).as(name + ": some answers show " + field.key()).isTrue();
            assertThat(hidden).as(name + ": some answers hide " + field.key()).isTrue();
        }
    }

    private static Optional<Map<String, ?>> refusal(
            TaskForm form, Map<String, Object> submission, Map<String, Object> process) {
        try {
            form.validate(submission, process::get, TODAY);
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e.faults());
        }
    }

    /** Every combination of candidate values for the variables the field's conditions read. */
    private static List<Map<String, Object>> assignments(TaskForm form, TaskForm.Field field) {
        Map<String, List<Object>> candidates = new LinkedHashMap<>();
        for (FormCondition condition : field.hiddenWhen()) {
            for (String variable : condition.variables()) {
                List<Object> values = new ArrayList<>();
                TaskForm.Field source = form.fields().get(variable);
                if (source != null && !source.choices().isEmpty()) {
                    values.addAll(source.choices().stream().sorted().toList());
                } else if (source != null && source.kind() == TaskForm.Kind.BOOLEAN) {
                    // a checkbox of the same form answers true or false, nothing else
                    values.add(true);
                    values.add(false);
                } else {
                    values.add(true);
                    values.add(false);
                    Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(condition.toString());
                    while (quoted.find()) {
                        values.add(quoted.group(1));
                    }
                    values.add("OTHER_VALUE");
                }
                candidates.put(variable, values);
            }
        }
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (var entry : candidates.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : all) {
                for (Object value : entry.getValue()) {
                    Map<String, Object> more = new LinkedHashMap<>(partial);
                    more.put(entry.getKey(), value);
                    next.add(more);
                }
            }
            all = next;
        }
        return all;
    }

    /** A value for every field, as a careful caseworker would fill the form in. */
    static Map<String, Object> complete(TaskForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (TaskForm.Field field : form.fields().values()) {
            Object value = switch (field.kind()) {
                case TEXT -> text(field);
                case NUMBER -> field.min() != null ? field.min().longValue() : 1L;
                case BOOLEAN -> field.defaultValue() != null ? field.defaultValue() : Boolean.TRUE;
                case CHOICE ->
                    field.defaultValue() != null
                            ? field.defaultValue()
                            : field.choices().stream().sorted().findFirst().orElse("X");
                case CHOICES ->
                    List.of(field.choices().stream().sorted().findFirst().orElse("X"));
                case DATE -> "2026-05-04";
                case DATE_TIME -> "2026-05-04T09:30";
                case TIME -> "09:30";
            };
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        return values;
    }

    private static String text(TaskForm.Field field) {
        if ("email".equals(field.validationType())) {
            return "accueil@example.org";
        }
        if ("phone".equals(field.validationType())) {
            return "+33 6 12 34 56 78";
        }
        for (String candidate : new String[] {"Tribunal administratif de Lyon", "R6900123", "AB123456", "12345", "x"}) {
            if ((field.pattern() == null || field.pattern().matcher(candidate).matches())
                    && (field.minLength() == null || candidate.length() >= field.minLength())
                    && candidate.length() <= field.maxLength()) {
                return candidate;
            }
        }
        throw new IllegalStateException("No sample text fits " + field);
    }
}
