package fr.passerelle.procedure;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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
    @PostMapping("/api/cases/{caseId}/events/{event}")
    ResponseEntity<CaseEvents.Recorded> record(
            @PathVariable UUID caseId, @PathVariable String event, @RequestBody Map<String, Object> data) {
        return ResponseEntity.ok(events.record(caseId, event, data));
    }
}
