package fr.passerelle.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.web.InputRefusal.Fault;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
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

    /**
     * The language of a request that Spring MVC has not resolved yet (a filter, the container):
     * English when {@code Accept-Language} prefers it to French, French otherwise.
     */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(DEFAULT, Locale.ENGLISH));
            return Locale.ENGLISH.equals(chosen) ? Locale.ENGLISH : DEFAULT;
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
    }

    /** Writes a problem without fields ({@code detail.<code>}) where no controller answers: a filter. */
    public static void send(
            ObjectMapper json,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatusCode status,
            String code,
            Object... args)
            throws IOException {
        Locale locale = locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemDetail problem = of(status, message("detail." + code, locale, args), locale);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

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
        return of(status, null, detail, locale);
    }

    static ProblemDetail of(HttpStatusCode status, String titleCode, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title(titleCode, status, locale));
        problem.setDetail(detail);
        return problem;
    }

    /** What a status means in the user's terms ({@code detail.status_<n>}), or null. */
    static String statusDetail(HttpStatusCode status, Locale locale) {
        return MESSAGES.getMessage("detail.status_" + status.value(), null, null, locale);
    }

    static ProblemDetail english(HttpStatusCode status, String titleCode, Map<String, Fault> faults) {
        return of(status, titleCode, faults, Locale.ENGLISH);
    }

    /**
     * Re-words a problem built elsewhere (Spring's own 405, 406, 415...): its title and detail are
     * those of its status in the user's language, so neither Spring's English nor an internal name
     * reaches the user.
     */
    static ProblemDetail localise(ProblemDetail problem, Locale locale) {
        HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
        problem.setTitle(title(null, status, locale));
        problem.setDetail(statusDetail(status, locale));
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

    /**
     * Every text of the problems, by key ({@code title.*}, {@code detail.*}, {@code field.*}, and
     * the request records' Bean Validation messages {@code passerelle.*}): the registry of problem
     * codes, French (messages.properties) with English beside it (messages_en.properties).
     */
    static SortedSet<String> keys() {
        Properties french = new Properties();
        try (var in = ProblemDocuments.class.getResourceAsStream("/messages.properties")) {
            french.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new TreeSet<>(french.stringPropertyNames());
    }

    static String title(String titleCode, HttpStatusCode status, Locale locale) {
        String fallback = status instanceof HttpStatus known
                ? known.getReasonPhrase()
                : HttpStatus.resolve(status.value()) != null
                        ? HttpStatus.resolve(status.value()).getReasonPhrase()
                        : "Error";
        String byStatus = MESSAGES.getMessage("title." + status.value(), null, fallback, locale);
        return titleCode == null ? byStatus : MESSAGES.getMessage("title." + titleCode, null, byStatus, locale);
    }
}
