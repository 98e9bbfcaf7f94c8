package fr.passerelle.procedure;

import java.time.Instant;
import java.util.UUID;

/**
 * An open task of a case got its due date, or its due date or name changed: published by
 * {@link OpenTaskProjection} inside the engine's command, on its thread and in its transaction, so
 * a listener that writes (the alerts' outbox) commits or rolls back with the task.
 *
 * @param due  the last moment to act, or the start of the day of an appointment; null when the
 *             task has no due date (any more)
 * @param department the case's department (its time zone, its holidays), null when unknown
 * @param rule where the date comes from: a {@code fr.passerelle.deadlines.DeadlineRule} name, or
 *             {@code at:<variable>} for a date the prefecture or the court set (an appointment, a
 *             meeting, a hearing, a date for documents); null when the model gives none
 */
public record TaskDeadlineChanged(
        String tenantId,
        String taskId,
        UUID caseId,
        String step,
        String taskKey,
        String name,
        String nameEn,
        Instant due,
        String rule,
        String department) {}
