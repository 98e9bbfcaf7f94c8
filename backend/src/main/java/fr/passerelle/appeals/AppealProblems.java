package fr.passerelle.appeals;

import fr.passerelle.web.InputRefusal;
import fr.passerelle.web.InputRefusal.Fault;
import fr.passerelle.web.Problem;
import java.util.Map;
import org.springframework.http.HttpStatus;

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

    /** An offer that is over or answered: 409 with a detail worded from {@code detail.<code>}. */
    static Problem gone(String code, Object... args) {
        return Problem.conflict(code, args);
    }
}
