package fr.passerelle.web;

import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal without a faulty field (nothing at this address, a conflict with the case's step, a
 * service not configured): a status and a stable {@code code} whose detail {@link ProblemDocuments}
 * words from {@code detail.<code>} in the caller's language, with {@code args} in it.
 */
public class Problem extends ErrorResponseException {
    private final String code;
    private final List<Object> args;
    private final String titleCode;

    public Problem(HttpStatusCode status, String code, Object... args) {
        this(status, null, null, code, args);
    }

    /**
     * With a title of its own ({@code title.<titleCode>}) rather than its status's, and the failure
     * that caused it (logged, never shown).
     */
    protected Problem(HttpStatusCode status, String titleCode, Throwable cause, String code, Object... args) {
        super(status, cause);
        this.code = code;
        this.args = List.of(args);
        this.titleCode = titleCode;
        getBody().setTitle(ProblemDocuments.title(titleCode, status, Locale.ENGLISH));
        getBody().setDetail(ProblemDocuments.message("detail." + code, Locale.ENGLISH, args));
    }

    public static Problem notFound(String code, Object... args) {
        return new Problem(HttpStatus.NOT_FOUND, code, args);
    }

    public static Problem conflict(String code, Object... args) {
        return new Problem(HttpStatus.CONFLICT, code, args);
    }

    public String code() {
        return code;
    }

    /** The problem worded for {@code locale}. */
    org.springframework.http.ProblemDetail worded(Locale locale) {
        return ProblemDocuments.of(
                getStatusCode(), titleCode, ProblemDocuments.message("detail." + code, locale, args.toArray()), locale);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
