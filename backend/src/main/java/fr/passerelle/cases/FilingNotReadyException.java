package fr.passerelle.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The file cannot be filed: 422, naming every piece that is missing, expired or otherwise not
 * usable ({@code errors}: piece to what is wrong).
 */
public class FilingNotReadyException extends ResponseStatusException {
    private final Map<String, String> pieces;

    FilingNotReadyException(List<ChecklistLine> blocking) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "The file is not ready for filing: " + blocking.stream()
                .map(line -> line.piece() + " (" + String.join(", ", line.problems()) + ")")
                .collect(Collectors.joining("; ")) + ". A coordinator may record an override with a reason.");
        Map<String, String> errors = new LinkedHashMap<>();
        blocking.forEach(line -> errors.put(line.piece(), String.join(", ", line.problems())));
        this.pieces = Map.copyOf(errors);
        getBody().setTitle("File not ready for filing");
        getBody().setProperty("errors", errors);
    }

    /** Each blocking piece and what is wrong with it. */
    public Map<String, String> pieces() {
        return pieces;
    }
}
