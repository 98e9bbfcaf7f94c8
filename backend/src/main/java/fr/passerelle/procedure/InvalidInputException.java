package fr.passerelle.procedure;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Input the procedure cannot take (a task submission that does not fit its form, a task list
 * asked for with bad parameters): 400, every faulty field or parameter named in {@code errors}.
 */
class InvalidInputException extends ResponseStatusException {
    private final Map<String, String> errors;

    InvalidInputException(String title, Map<String, String> errors) {
        super(HttpStatus.BAD_REQUEST, errors.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining("; ")));
        this.errors = Map.copyOf(errors);
        getBody().setTitle(title);
        getBody().setProperty("errors", errors);
    }

    Map<String, String> errors() {
        return errors;
    }
}
