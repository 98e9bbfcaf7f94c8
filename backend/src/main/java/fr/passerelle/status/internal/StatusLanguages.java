package fr.passerelle.status.internal;

import fr.passerelle.web.InputRefusal;
import java.util.List;

/**
 * The languages the status page is written in (frontend/src/features/status/locales, one file each):
 * French, English, Arabic (right to left), Spanish, Portuguese and Russian.
 */
public final class StatusLanguages {
    public static final List<String> ALL = List.of("fr", "en", "ar", "es", "pt", "ru");

    private StatusLanguages() {}

    static void require(String language) {
        if (language == null || !ALL.contains(language)) {
            throw InputRefusal.invalid(
                    "language", InputRefusal.Fault.of("not_choice", "must be one of {0}", String.join(", ", ALL)));
        }
    }
}
