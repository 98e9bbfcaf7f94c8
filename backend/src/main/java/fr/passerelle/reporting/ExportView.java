package fr.passerelle.reporting;

import java.time.Instant;
import java.util.UUID;

/** An export as the API shows it: where it is (QUEUED, RUNNING, DONE, FAILED, EXPIRED) and how far. */
record ExportView(
        UUID id,
        String status,
        boolean withNames,
        Integer rowsTotal,
        int rowsDone,
        Integer percent,
        Long fileSize,
        String error,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant expiresAt,
        String download) {}
