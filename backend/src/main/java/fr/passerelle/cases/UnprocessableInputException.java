package fr.passerelle.cases;

import fr.passerelle.web.InputRefusal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;

/**
 * Input that is well formed but impossible or inconsistent (a birth after the entry in France,
 * a decision before the filing): 422, every faulty field named in {@code errors}.
 */
class UnprocessableInputException extends InputRefusal {

    UnprocessableInputException(Map<String, Fault> faults) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "inconsistent", faults);
    }

    static UnprocessableInputException of(String field, String code, String message, Object... args) {
        return new UnprocessableInputException(Map.of(field, Fault.of(code, message, args)));
    }

    static void throwIfAny(Map<String, Fault> faults) {
        if (!faults.isEmpty()) {
            throw new UnprocessableInputException(new TreeMap<>(faults));
        }
    }
}
