package fr.passerelle.procedure;

import java.util.Map;
import java.util.UUID;

/**
 * A feature's say on a task completed through the task API ({@code POST /api/tasks/{id}/complete}),
 * after the form's check and before the engine completes it: it may refuse (throw an error
 * response), in the completing transaction.
 */
public interface TaskGuard {

    /** {@code processKey}: the task's process definition key; {@code variables}: the checked form data. */
    void beforeCompletion(String processKey, String taskKey, UUID caseId, Map<String, Object> variables);
}
