package fr.passerelle.platform;

import fr.passerelle.web.InputRefusal;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A refusal that names the field at fault, in {@code detail} and in {@code errors}, as the rest of the API does. */
class AdminProblem extends InputRefusal {

    private AdminProblem(HttpStatus status, String titleCode, String field, Fault fault) {
        super(status, titleCode, Map.of(field, fault));
    }

    static AdminProblem invalid(String field, String code, String message, Object... args) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, "invalid", field, Fault.of(code, message, args));
    }

    static AdminProblem notFound(String field, String code, String message, Object... args) {
        return new AdminProblem(HttpStatus.NOT_FOUND, "not_found", field, Fault.of(code, message, args));
    }

    static AdminProblem conflict(String field, String code, String message, Object... args) {
        return new AdminProblem(HttpStatus.CONFLICT, "conflict", field, Fault.of(code, message, args));
    }

    static AdminProblem unprocessable(String field, String code, String message, Object... args) {
        return new AdminProblem(HttpStatus.UNPROCESSABLE_ENTITY, "inconsistent", field, Fault.of(code, message, args));
    }
}
