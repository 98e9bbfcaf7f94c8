package fr.passerelle.procedure;

import fr.passerelle.web.InputRefusal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input the procedure cannot take (a task submission that does not fit its form, a task list
 * asked for with bad parameters): 400, every faulty field or parameter named in {@code errors}.
 */
class InvalidInputException extends InputRefusal {

    InvalidInputException(Map<String, Fault> faults) {
        super(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid", faults);
    }

    /** Faults worded in English only, under the generic code {@code invalid}. */
    static InvalidInputException worded(Map<String, String> errors) {
        Map<String, Fault> faults = new LinkedHashMap<>();
        errors.forEach((field, message) -> faults.put(field, Fault.of("invalid", message)));
        return new InvalidInputException(faults);
    }

    /** Field to message (English). */
    Map<String, String> errors() {
        return messages();
    }
}
