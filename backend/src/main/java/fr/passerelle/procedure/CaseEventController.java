package fr.passerelle.procedure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Case events")
@RestController
class CaseEventController {
    private final CaseEvents events;

    CaseEventController(CaseEvents events) {
        this.events = events;
    }

    /**
     * E.g. {@code POST /api/cases/{id}/events/decision-notified} with the event form's data. Answers
     * what was delivered and, for a refusal, the deadline it starts compared with the one printed
     * on the decision ({@code deadline.printedDeadlineDiffers}).
     */
    @Operation(
            operationId = "recordCaseEvent",
            summary = "Record a case event",
            description =
                    "What the prefecture or the court did (decision-notified, convocation-received, administrative-appeal-answered, judgment-notified...), with the event form's data, delivered to the step waiting for it. Answers what was delivered and, for a refusal, the deadline it starts compared with the one printed on the decision. 409 when the case is not waiting for this event at its step.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            mediaType = "application/json",
                                            examples =
                                                    @io.swagger.v3.oas.annotations.media.ExampleObject(
                                                            name = "example",
                                                            summary =
                                                                    "decision-notified: a refusal handed over at the counter",
                                                            value =
                                                                    "{\"decisionOutcome\": \"REFUSED\", \"notificationMode\": \"HAND\", \"decisionNotifiedDate\": \"2026-03-02\", \"printedDeadline\": \"2026-05-04\"}"))))
    @PostMapping("/api/cases/{caseId}/events/{event}")
    ResponseEntity<CaseEvents.Recorded> record(
            @PathVariable UUID caseId, @PathVariable String event, @RequestBody Map<String, Object> data) {
        return ResponseEntity.ok(events.record(caseId, event, data));
    }
}
