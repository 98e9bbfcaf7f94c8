package fr.passerelle.procedure;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** No such task for this association: unknown, or another association's (not told apart). */
class TaskNotFoundException extends ResponseStatusException {
    TaskNotFoundException(String taskId) {
        super(HttpStatus.NOT_FOUND, "No task " + taskId);
    }
}
