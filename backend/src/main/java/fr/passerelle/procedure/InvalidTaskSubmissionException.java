package fr.passerelle.procedure;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A task completion that does not fit the task's form: 400, every faulty field named. */
class InvalidTaskSubmissionException extends ResponseStatusException {
    private final Map<String, String> errors;

    InvalidTaskSubmissionException(Map<String, String> errors) {
        super(HttpStatus.BAD_REQUEST, errors.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining("; ")));
        this.errors = Map.copyOf(errors);
        getBody().setTitle("Invalid task submission");
        getBody().setProperty("errors", errors);
    }

    Map<String, String> errors() {
        return errors;
    }
}
