package fr.passerelle.procedure;

import fr.passerelle.web.InputRefusal;
import java.util.Map;

/**
 * Input the procedure cannot take (a task submission that does not fit its form, a task list
 * asked for with bad parameters): 400, every faulty field or parameter named in {@code errors}.
 */
class InvalidInputException extends InputRefusal {

    InvalidInputException(Map<String, Fault> faults) {
        super(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid", faults);
    }

    /** Field to message (English). */
    Map<String, String> errors() {
        return messages();
    }
}
