package fr.passerelle.procedure;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The task was completed (or claimed) by someone else a moment ago: 409, never a second completion. */
class TaskGoneException extends ResponseStatusException {
    TaskGoneException(String taskId, String what) {
        super(HttpStatus.CONFLICT, "Task " + taskId + " " + what);
    }
}
