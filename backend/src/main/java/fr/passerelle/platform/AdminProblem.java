package fr.passerelle.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A refusal that names the field at fault, in {@code detail} and in {@code errors}, as the rest of the API does. */
class AdminProblem extends ResponseStatusException {

    private AdminProblem(HttpStatus status, String title, String field, String message) {
        super(status, field + ": " + message);
        getBody().setTitle(title);
        getBody().setProperty("errors", Map.of(field, message));
    }

    static AdminProblem invalid(String field, String message) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, "Invalid input", field, message);
    }

    static AdminProblem notFound(String field, String message) {
        return new AdminProblem(HttpStatus.NOT_FOUND, "Not found", field, message);
    }

    static AdminProblem conflict(String field, String message) {
        return new AdminProblem(HttpStatus.CONFLICT, "Conflict", field, message);
    }

    static AdminProblem unprocessable(String field, String message) {
        return new AdminProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Inconsistent input", field, message);
    }
}
