package fr.passerelle.platform;

import fr.passerelle.web.InputRefusal;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A refusal that names the field at fault, in {@code detail} and in {@code errors}, as the rest of the API does. */
class AdminProblem extends InputRefusal {

    private AdminProblem(HttpStatus status, String titleCode, String field, String code, String message) {
        super(status, titleCode, Map.of(field, Fault.of(code, message)));
    }

    static AdminProblem invalid(String field, String message) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, "invalid", field, "invalid", message);
    }

    static AdminProblem notFound(String field, String message) {
        return new AdminProblem(HttpStatus.NOT_FOUND, "not_found", field, "not_found", message);
    }

    static AdminProblem conflict(String field, String message) {
        return new AdminProblem(HttpStatus.CONFLICT, "conflict", field, "conflict", message);
    }

    static AdminProblem unprocessable(String field, String message) {
        return new AdminProblem(HttpStatus.UNPROCESSABLE_ENTITY, "inconsistent", field, "inconsistent", message);
    }
}
