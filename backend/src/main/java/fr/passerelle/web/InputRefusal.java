package fr.passerelle.web;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Input refused, every faulty field named with a stable machine code and a message in the
 * user's terms. Every module refuses input with this (or a subclass keeping its own status);
 * {@link ProblemDocuments} words it in the caller's language (docs/api-problems.md).
 */
public class InputRefusal extends ErrorResponseException {
    private final String titleCode;
    private final SortedMap<String, Fault> faults;

    /**
     * What is wrong with one field: {@code code} is stable (clients may rely on it), {@code message}
     * the English wording, with its {@code args} already in it; the message source words it
     * in other languages from {@code field.<code>} and the same args.
     */
    public record Fault(String code, String message, List<Object> args) {
        public Fault {
            args = List.copyOf(args);
        }

        public static Fault of(String code, String message, Object... args) {
            return new Fault(code, message, List.of(args));
        }
    }

    public InputRefusal(HttpStatusCode status, String titleCode, Map<String, Fault> faults) {
        super(status, englishBody(status, titleCode, faults), null);
        this.titleCode = titleCode;
        this.faults = new TreeMap<>(faults);
    }

    /** 400: the input is malformed, of the wrong type, or out of bounds. */
    public static InputRefusal invalid(Map<String, Fault> faults) {
        return new InputRefusal(HttpStatus.BAD_REQUEST, "invalid", faults);
    }

    public static InputRefusal invalid(String field, Fault fault) {
        return invalid(Map.of(field, fault));
    }

    public String titleCode() {
        return titleCode;
    }

    public SortedMap<String, Fault> faults() {
        return faults;
    }

    /** Field to English message, as the default problem body carries it. */
    public Map<String, String> messages() {
        return faults.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().message(), (a, b) -> a, TreeMap::new));
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail englishBody(HttpStatusCode status, String titleCode, Map<String, Fault> faults) {
        return ProblemDocuments.english(status, titleCode, faults);
    }
}
