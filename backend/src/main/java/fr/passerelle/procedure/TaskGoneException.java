package fr.passerelle.procedure;

import fr.passerelle.web.Problem;
import org.springframework.http.HttpStatus;

/** The task was completed (or claimed) by someone else a moment ago: 409, never a second completion. */
class TaskGoneException extends Problem {
    /** {@code code}: task_completed_elsewhere, task_claimed_elsewhere, task_already_completed. */
    TaskGoneException(String taskId, String code) {
        super(HttpStatus.CONFLICT, code, taskId);
    }
}
