package fr.passerelle.audit;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit log. */
public record AuditEvent(
        long id, UUID caseId, String actorId, String actorName, String action, String detail, Instant at) {}
