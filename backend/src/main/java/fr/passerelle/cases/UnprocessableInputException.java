package fr.passerelle.cases;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Input that is well formed but impossible or inconsistent (a birth after the entry in France,
 * a decision before the filing): 422, every faulty field named in {@code errors}.
 */
class UnprocessableInputException extends ResponseStatusException {

    UnprocessableInputException(Map<String, String> errors) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, errors.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining("; ")));
        getBody().setTitle("Inconsistent input");
        getBody().setProperty("errors", new TreeMap<>(errors));
    }

    static UnprocessableInputException of(String field, String message) {
        return new UnprocessableInputException(Map.of(field, message));
    }

    static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new UnprocessableInputException(errors);
        }
    }
}
