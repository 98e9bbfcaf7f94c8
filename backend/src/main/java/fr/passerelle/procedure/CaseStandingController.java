package fr.passerelle.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.tenancy.Tenancy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** What the web app needs to show where a case stands, and the forms of the events it records. */
@RestController
class CaseStandingController {
    private final CaseStanding standing;
    private final ObjectMapper json;

    CaseStandingController(CaseStanding standing, ObjectMapper json) {
        this.standing = standing;
        this.json = json;
    }

    @GetMapping("/api/cases/{caseId}/procedure")
    CaseStanding.Procedure procedure(@PathVariable UUID caseId) {
        return standing.of(caseId);
    }

    /** A definition id names one deployed version, which never changes: the browser may keep it. */
    @GetMapping("/api/process-models/{definitionId}/xml")
    ResponseEntity<String> model(@PathVariable String definitionId) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .contentType(MediaType.APPLICATION_XML)
                .body(standing.modelXml(definitionId));
    }

    /** The form (form-js JSON) of a case event: {@code decision-notified}, {@code judgment-notified}... */
    @GetMapping("/api/case-events/{event}/form")
    JsonNode eventForm(@PathVariable String event) {
        Tenancy.current();
        CaseEvent known = CaseEvent.ofPath(event)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case event '" + event + "'"));
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
