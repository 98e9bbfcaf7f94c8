package fr.passerelle.procedure;

import fr.passerelle.web.Problem;
import org.springframework.http.HttpStatus;

/** No such task for this association: unknown, or another association's (not told apart). */
class TaskNotFoundException extends Problem {
    TaskNotFoundException(String taskId) {
        super(HttpStatus.NOT_FOUND, "task_not_found", taskId);
    }
}
