package fr.passerelle.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the web app needs to show where a case stands, and the forms of the events it records. */
@Tag(name = "Procedure")
@RestController
class CaseStandingController {
    private final CaseStanding standing;
    private final ObjectMapper json;

    CaseStandingController(CaseStanding standing, ObjectMapper json) {
        this.standing = standing;
        this.json = json;
    }

    @Operation(
            operationId = "caseProcedure",
            summary = "Where a case stands in its procedure",
            description = "Its process instances, the steps active now and the models to draw them with.")
    @GetMapping("/api/cases/{caseId}/procedure")
    CaseStanding.Procedure procedure(@PathVariable UUID caseId) {
        return standing.of(caseId);
    }

    /** A definition id names one deployed version, which never changes: the browser may keep it. */
    @Operation(
            operationId = "processModel",
            summary = "A process model's BPMN",
            description = "One deployed version, which never changes: the browser may keep it.")
    @GetMapping("/api/process-models/{definitionId}/xml")
    ResponseEntity<String> model(@PathVariable String definitionId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .contentType(MediaType.APPLICATION_XML)
                .body(standing.modelXml(definitionId));
    }

    /** The form (form-js JSON) of a case event: {@code decision-notified}, {@code judgment-notified}... */
    @Operation(
            operationId = "caseEventForm",
            summary = "A case event's form",
            description = "The form (form-js JSON) of decision-notified, judgment-notified and the other events.")
    @GetMapping("/api/case-events/{event}/form")
    JsonNode eventForm(@PathVariable String event) {
        Tenancy.current();
        CaseEvent known = CaseEvent.ofPath(event)
                .orElseThrow(() -> Problem.notFound("case_event_unknown", event, CaseEvent.known()));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(known.form())) {
            if (in == null) {
                throw new IllegalStateException("Missing " + known.form() + " in the processes jar");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
