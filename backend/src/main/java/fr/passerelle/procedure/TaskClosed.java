package fr.passerelle.procedure;

/** An open task was completed or deleted (published in the engine's transaction, like {@link TaskDeadlineChanged}). */
public record TaskClosed(String tenantId, String taskId) {}
