package fr.passerelle.cases;

import fr.passerelle.web.InputRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The file cannot be filed: 422, naming every piece that is missing, expired or otherwise not
 * usable ({@code errors}: piece to what is wrong).
 */
public class FilingNotReadyException extends InputRefusal {
    private final Map<String, String> pieces;

    FilingNotReadyException(List<ChecklistLine> blocking) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "not_ready_for_filing", faults(blocking));
        Map<String, String> errors = new LinkedHashMap<>();
        blocking.forEach(line -> errors.put(line.piece(), String.join(", ", line.problems())));
        this.pieces = Map.copyOf(errors);
    }

    private static Map<String, Fault> faults(List<ChecklistLine> blocking) {
        Map<String, Fault> faults = new LinkedHashMap<>();
        // The checklist words its problems in both languages: {0} English, {1} French (field.piece_not_ready).
        blocking.forEach(line -> {
            String english = String.join(", ", line.problems());
            faults.put(
                    line.piece(), Fault.of("piece_not_ready", english, english, String.join(", ", line.problemsFr())));
        });
        return faults;
    }

    /** Each blocking piece and what is wrong with it. */
    public Map<String, String> pieces() {
        return pieces;
    }
}
