package fr.passerelle.appeals;

import fr.passerelle.web.InputRefusal;
import fr.passerelle.web.InputRefusal.Fault;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The appeals' refusals, as problem documents naming the field (docs/api-appeals.md). */
final class AppealProblems {
    private AppealProblems() {}

    static InputRefusal invalid(String field, String code, String message, Object... args) {
        return InputRefusal.invalid(field, Fault.of(code, message, args));
    }

    /** Well-formed but impossible now (no consent, nothing waiting for an offer): 409 naming the field. */
    static InputRefusal conflict(String field, String code, String message, Object... args) {
        return new InputRefusal(HttpStatus.CONFLICT, "conflict", Map.of(field, Fault.of(code, message, args)));
    }

    static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, what);
    }

    static ResponseStatusException gone(String detail) {
        return new ResponseStatusException(HttpStatus.CONFLICT, detail);
    }
}
