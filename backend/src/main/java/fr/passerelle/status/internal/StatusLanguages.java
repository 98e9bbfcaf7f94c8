package fr.passerelle.status.internal;

import fr.passerelle.web.InputRefusal;
import java.util.List;
import java.util.Optional;

/**
 * The languages the status page is written in (frontend/src/features/status/locales, one file each):
 * French, English, Arabic (right to left), Spanish, Portuguese and Russian.
 */
public final class StatusLanguages {
    public static final List<String> ALL = List.of("fr", "en", "ar", "es", "pt", "ru");

    private StatusLanguages() {}

    static void require(String language) {
        fault(language).ifPresent(fault -> {
            throw InputRefusal.invalid("language", fault);
        });
    }

    /** What is wrong with a language the page is not written in, if anything. */
    public static Optional<InputRefusal.Fault> fault(String language) {
        return language != null && ALL.contains(language)
                ? Optional.empty()
                : Optional.of(InputRefusal.Fault.of("not_choice", "must be one of {0}", String.join(", ", ALL)));
    }
}
