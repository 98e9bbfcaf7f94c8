package fr.passerelle.procedure;

import static fr.passerelle.security.Role.CASEWORKER;
import static fr.passerelle.security.Role.COORDINATOR;

import fr.passerelle.processes.AppointmentLog;
import fr.passerelle.tenancy.Tenancy;
import fr.passerelle.web.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's log of appointment attempts, for the référé "mesures utiles" (L521-3 CJA): as JSON, or
 * as the dated list to attach to the request ({@code .../dated-list}). Staff of the case's association.
 */
@Tag(name = "Procedure")
@RestController
class AppointmentAttemptController {
    private final AppointmentAttempts attempts;
    private final JdbcTemplate jdbc;

    AppointmentAttemptController(AppointmentAttempts attempts, JdbcTemplate jdbc) {
        this.attempts = attempts;
        this.jdbc = jdbc;
    }

    @Operation(
            operationId = "listAppointmentAttempts",
            summary = "List the attempts to book an appointment",
            description = "Each attempt to get a prefecture appointment online, kept to show that none could be had.")
    @GetMapping(value = "/api/cases/{caseId}/appointment-attempts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    List<AppointmentLog.Attempt> list(@PathVariable UUID caseId) {
        return read(caseId);
    }

    /** The dated list, one line per attempt, French, to paste into the request. */
    record DatedList(String datedList) {}

    @Operation(
            operationId = "appointmentAttemptsDatedList",
            summary = "The dated list of the attempts",
            description = "One line per attempt, in French, to paste into a request or an appeal.")
    @GetMapping(
            value = "/api/cases/{caseId}/appointment-attempts/dated-list",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    DatedList datedList(@PathVariable UUID caseId) {
        return new DatedList(AppointmentLog.datedList(read(caseId)));
    }

    private List<AppointmentLog.Attempt> read(UUID caseId) {
        Tenancy.current().requireAnyOf(CASEWORKER, COORDINATOR);
        Integer found =
                jdbc.queryForObject("SELECT count(*) FROM app.published_cases WHERE id = ?", Integer.class, caseId);
        if (found == null || found == 0) {
            throw Problem.notFound("case_not_found", caseId);
        }
        return attempts.of(caseId);
    }
}
