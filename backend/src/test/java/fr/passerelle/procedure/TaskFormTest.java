package fr.passerelle.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskFormTest {
    static final String FORM = """
            {"id": "receipt-record", "type": "default", "components": [
              {"type": "text", "text": "Which document did the prefecture issue?"},
              {"key": "receiptType", "label": "Document", "type": "select", "validate": {"required": true},
               "values": [{"label": "Récépissé", "value": "RECEPISSE"}, {"label": "None", "value": "NONE"}]},
              {"key": "receiptValidUntil", "label": "Valid until", "type": "datetime", "subtype": "date",
               "validate": {"required": true}},
              {"key": "notifiedAt", "type": "datetime", "subtype": "datetime"},
              {"key": "receiptNumber", "type": "textfield", "validate": {"pattern": "[A-Z0-9]{6,12}"}},
              {"key": "feeAmount", "type": "number", "validate": {"min": 0, "max": 1000}},
              {"key": "complete", "type": "checkbox"},
              {"key": "notes", "type": "textarea"},
              {"key": "reason", "type": "textfield", "validate": {"required": true},
               "conditional": {"hide": "=receiptType != \\"NONE\\""}},
              {"type": "group", "components": [{"key": "contactEmail", "type": "textfield",
               "validate": {"validationType": "email"}}]}
            ]}""";

    final TaskForm form = TaskForm.of(read(FORM));

    @Test
    void aGoodSubmissionBecomesTypedVariables() {
        Map<String, Object> variables = form.validate(Map.of(
                "receiptType",
                "RECEPISSE",
                "receiptValidUntil",
                "2026-03-31",
                "notifiedAt",
                "2026-03-01T09:30",
                "receiptNumber",
                "AB12345",
                "feeAmount",
                50,
                "complete",
                true,
                "contactEmail",
                "a@b.fr"));
        assertThat(variables)
                .containsEntry("feeAmount", 50L)
                .containsEntry("complete", true)
                .containsEntry("receiptValidUntil", "2026-03-31")
                .doesNotContainKey("notes");
    }

    @Test
    void everyFaultIsNamedByField() {
        Map<String, Object> submission = new HashMap<>();
        submission.put("receiptType", "PASSPORT");
        submission.put("receiptValidUntil", "2026-02-30");
        submission.put("notifiedAt", "tomorrow");
        submission.put("receiptNumber", "ab");
        submission.put("feeAmount", 1001);
        submission.put("complete", "yes");
        submission.put("contactEmail", "nobody");
        submission.put("tenantId", "beta");
        var refused = catchThrowableOfType(InvalidInputException.class, () -> form.validate(submission));
        assertThat(refused.errors())
                .containsOnlyKeys(
                        "receiptType",
                        "receiptValidUntil",
                        "notifiedAt",
                        "receiptNumber",
                        "feeAmount",
                        "complete",
                        "contactEmail",
                        "tenantId");
        assertThat(refused.errors().get("receiptType")).contains("NONE").contains("RECEPISSE");
        assertThat(refused.faults().get("tenantId").code()).isEqualTo("unknown_field");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void requiredFieldsMustBeThereAndConditionalOnesWhenShown() {
        var refused = catchThrowableOfType(
                InvalidInputException.class, () -> form.validate(Map.of("receiptValidUntil", " ")));
        assertThat(refused.errors())
                .containsOnlyKeys("receiptType", "receiptValidUntil")
                .containsValue("is required");
        var none = catchThrowableOfType(
                InvalidInputException.class,
                () -> form.validate(Map.of("receiptType", "NONE", "receiptValidUntil", "2026-03-31")));
        assertThat(none.faults()).containsOnlyKeys("reason");
        assertThat(none.faults().get("reason").code()).isEqualTo("required_here");
        assertThat(form.validate(Map.of(
                        "receiptType",
                        "RECEPISSE",
                        "receiptValidUntil",
                        "2026-03-31",
                        "reason",
                        "hidden, so not kept")))
                .as("a hidden field's value is not kept")
                .doesNotContainKey("reason");
    }

    @Test
    void oversizedTextIsRefusedEvenWithoutAStatedLimit() {
        var refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> form.validate(Map.of(
                        "receiptType",
                        "RECEPISSE",
                        "receiptValidUntil",
                        "2026-03-31",
                        "notes",
                        "x".repeat(TaskForm.DEFAULT_MAX_TEXT + 1))));
        assertThat(refused.errors()).containsOnlyKeys("notes");
    }

    @Test
    void listsOfChoicesAreCheckedItemByItem() {
        TaskForm checklist = TaskForm.of(read("""
                {"id": "f", "components": [{"key": "help", "type": "checklist",
                  "values": [{"value": "LAWYER"}, {"value": "INTERPRETER"}]}]}"""));
        assertThat(checklist.validate(Map.of("help", List.of("LAWYER")))).containsEntry("help", List.of("LAWYER"));
        assertThat(catchThrowableOfType(
                                InvalidInputException.class, () -> checklist.validate(Map.of("help", List.of("MAYOR"))))
                        .errors())
                .containsKey("help");
    }

    @Test
    void datesThatCannotBeAreRefused() {
        TaskForm decision = TaskForm.of(read("""
                {"id": "d", "components": [
                  {"key": "decisionNotifiedDate", "type": "datetime", "subtype": "date",
                   "properties": {"notInFuture": "true", "notBefore": "filingDate"}},
                  {"key": "meetingDate", "type": "datetime", "subtype": "date", "properties": {"notBefore": "decisionNotifiedDate"}}
                ]}"""));
        Map<String, Object> process = Map.of("filingDate", "2026-03-10");
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertThat(decision.validate(Map.of("decisionNotifiedDate", "2026-03-10"), process::get, today))
                .containsEntry("decisionNotifiedDate", "2026-03-10");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> decision.validate(
                                        Map.of("decisionNotifiedDate", "2026-03-09"), process::get, today))
                        .errors())
                .containsEntry("decisionNotifiedDate", "cannot be before filingDate (2026-03-10)");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> decision.validate(
                                        Map.of("decisionNotifiedDate", "2026-06-02"), process::get, today))
                        .errors())
                .containsKey("decisionNotifiedDate");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> decision.validate(
                                        Map.of("decisionNotifiedDate", "2026-04-01", "meetingDate", "2026-03-31"),
                                        process::get,
                                        today))
                        .errors())
                .containsOnlyKeys("meetingDate");
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
