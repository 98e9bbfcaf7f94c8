package fr.passerelle.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit")
@RestController
class AuditController {
    private final Audit audit;

    AuditController(Audit audit) {
        this.audit = audit;
    }

    /** The association's audit log, newest first; coordinators only. */
    @Operation(
            operationId = "auditLog",
            summary = "Read the association's audit log",
            description = "Coordinators only; newest first, for one case (caseId) or all, up to limit entries.")
    @GetMapping("/api/audit")
    List<AuditEvent> log(@RequestParam(required = false) UUID caseId, @RequestParam(defaultValue = "100") int limit) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        return caseId == null ? audit.latest(bounded) : audit.ofCase(caseId, bounded);
    }
}
