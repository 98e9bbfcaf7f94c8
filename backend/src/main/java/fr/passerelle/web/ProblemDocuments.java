package fr.passerelle.web;

import fr.passerelle.web.InputRefusal.Fault;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one builder of the API's problem documents (RFC 9457): {@code title}, {@code status},
 * {@code detail}, and for refused input {@code errors} (field to message) and {@code errorCodes}
 * (field to a stable code), worded in French unless the caller asks for English
 * ({@code Accept-Language}). Shape and codes: docs/api-problems.md.
 */
public final class ProblemDocuments {
    /** French first: the service's users are French associations (messages.properties is French). */
    public static final Locale DEFAULT = Locale.FRENCH;

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();
    /** What a problem must never show: class, package or method names, exceptions, stack frames. */
    static final Pattern INTERNAL = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|org\\.(springframework|hibernate|postgresql|camunda)|com\\.fasterxml|fr\\.passerelle"
                    + "|Exception|\\$|#|\\bat [a-z]+\\.|\\.java:");

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private ProblemDocuments() {}

    /** A problem with faulty fields, worded for {@code locale}. */
    public static ProblemDetail of(HttpStatusCode status, String titleCode, Map<String, Fault> faults, Locale locale) {
        Map<String, String> errors = new TreeMap<>();
        Map<String, String> codes = new TreeMap<>();
        faults.forEach((field, fault) -> {
            errors.put(field, word(fault, locale));
            codes.put(field, fault.code());
        });
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title(titleCode, status, locale));
        problem.setDetail(errors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        problem.setProperty("errorCodes", codes);
        return problem;
    }

    /** A problem without fields: a title for its status, and a detail in the user's terms. */
    public static ProblemDetail of(HttpStatusCode status, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title(null, status, locale));
        problem.setDetail(detail);
        return problem;
    }

    static ProblemDetail english(HttpStatusCode status, String titleCode, Map<String, Fault> faults) {
        return of(status, titleCode, faults, Locale.ENGLISH);
    }

    /** Re-words a problem built elsewhere (Spring's own, an exception's body) and drops internals from it. */
    static ProblemDetail localise(ProblemDetail problem, Locale locale) {
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        problem.setTitle(title(null, status, locale));
        if (problem.getDetail() != null && INTERNAL.matcher(problem.getDetail()).find()) {
            problem.setDetail(null);
        }
        return problem;
    }

    public static String word(Fault fault, Locale locale) {
        String worded =
                MESSAGES.getMessage("field." + fault.code(), fault.args().toArray(), null, locale);
        return worded != null ? worded : fault.message(); // the message as given, not run through MessageFormat
    }

    public static String message(String code, Locale locale, Object... args) {
        return MESSAGES.getMessage(code, args, code, locale);
    }

    private static String title(String titleCode, HttpStatusCode status, Locale locale) {
        String fallback = status instanceof HttpStatus known
                ? known.getReasonPhrase()
                : HttpStatus.resolve(status.value()) != null
                        ? HttpStatus.resolve(status.value()).getReasonPhrase()
                        : "Error";
        String byStatus = MESSAGES.getMessage("title." + status.value(), null, fallback, locale);
        return titleCode == null ? byStatus : MESSAGES.getMessage("title." + titleCode, null, byStatus, locale);
    }
}
