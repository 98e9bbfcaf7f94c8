package fr.passerelle.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import fr.passerelle.web.InputRefusal.Fault;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as a problem document ({@link ProblemDocuments}): bad input names each field at
 * fault with a code and a message in the user's terms, never a class, a method or an exception.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private final ObjectMapper json;

    ProblemHandler(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler(InputRefusal.class)
    ResponseEntity<Object> refused(InputRefusal e) {
        return problem(e.getStatusCode(), ProblemDocuments.of(e.getStatusCode(), e.titleCode(), e.faults(), locale()));
    }

    @ExceptionHandler(Problem.class)
    ResponseEntity<Object> problem(Problem e) {
        return problem(e.getStatusCode(), e.worded(locale()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, Fault> faults = new LinkedHashMap<>();
        for (FieldError error : e.getFieldErrors()) {
            faults.merge(
                    error.getField(),
                    constraintFault(constraintCode(error.getCode()), error),
                    (first, second) -> first);
        }
        e.getGlobalErrors()
                .forEach(error ->
                        faults.putIfAbsent("body", Fault.of("invalid", String.valueOf(error.getDefaultMessage()))));
        return invalid(faults);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, Fault> faults = new LinkedHashMap<>();
        e.getAllValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> faults.putIfAbsent(
                                result.getMethodParameter().getParameterName() == null
                                        ? "parameter"
                                        : result.getMethodParameter().getParameterName(),
                                constraintFault(
                                        constraintCode(
                                                error.getCodes() == null || error.getCodes().length == 0
                                                        ? "invalid"
                                                        : error.getCodes()[error.getCodes().length - 1]),
                                        error))));
        return invalid(faults.isEmpty() ? Map.of("parameter", Fault.of("invalid", "is not valid")) : faults);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException) {
            return invalid(Map.of("body", Fault.of("malformed_json", "is not valid JSON")));
        }
        if (cause instanceof JsonMappingException mapping) {
            if (mapping.getPath().isEmpty()) {
                boolean empty = mapping instanceof MismatchedInputException
                        && mapping.getOriginalMessage() != null
                        && mapping.getOriginalMessage().startsWith("No content");
                return invalid(Map.of(
                        "body",
                        empty
                                ? Fault.of("required", "is required")
                                : fault(mapping).orElse(Fault.of("not_object", "must be a JSON object"))));
            }
            return invalid(
                    Map.of(fieldPath(mapping.getPath()), fault(mapping).orElse(Fault.of("invalid", "is not valid"))));
        }
        return invalid(Map.of(
                "body",
                cause == null ? Fault.of("required", "is required") : Fault.of("malformed_json", "is not valid JSON")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName()
                : e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return invalid(Map.of(field, typeFault(e.getRequiredType())));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(Map.of(e.getParameterName(), Fault.of("required", "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(Map.of(e.getRequestPartName(), Fault.of("required", "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Fault fault = e.getMaxUploadSize() < 0
                ? Fault.of("too_large", "is larger than allowed")
                : Fault.of("larger_than", "is larger than " + e.getMaxUploadSize() + " bytes", e.getMaxUploadSize());
        return problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                ProblemDocuments.of(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", Map.of("file", fault), locale()));
    }

    /** An upload that is not a multipart body the server can read (no boundary, cut short...). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return handleMaxUploadSizeExceededException(
                    tooLarge, HttpHeaders.EMPTY, HttpStatus.PAYLOAD_TOO_LARGE, null);
        }
        return invalid(Map.of(
                "file",
                Fault.of(
                        "not_multipart", "must be sent as multipart/form-data with a boundary, in a part named file")));
    }

    /** A page sorted by a property that does not exist ({@code ?sort=...}). */
    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<Object> badSort(PropertyReferenceException e) {
        return invalid(Map.of(
                "sort", Fault.of("unknown_property", "cannot sort by " + e.getPropertyName(), e.getPropertyName())));
    }

    /**
     * The safety net under the input checks: a value the database refuses. A value it cannot
     * store (SQL state class 22: data exception) is the client's; a constraint (class 23) is a
     * conflict with what is stored. Nothing of the database's message is shown.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> refusedByDatabase(DataIntegrityViolationException e) {
        String state = sqlState(e);
        // The message's first line names the constraint, table or column; its "Detail:" line and a data
        // exception's message (class 22) quote the refused values, which may be personal data: not logged.
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        LOG.warn(
                "Input refused by the database (SQL state {}){}",
                state,
                state != null && state.startsWith("23")
                        ? ": " + message.lines().findFirst().orElse("")
                        : "");
        if (state != null && state.startsWith("22")) {
            return invalid(Map.of("body", Fault.of("not_storable", "holds a value that cannot be stored")));
        }
        return problem(
                HttpStatus.CONFLICT,
                ProblemDocuments.of(
                        HttpStatus.CONFLICT, ProblemDocuments.message("detail.conflict_stored", locale()), locale()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        // The exception's message (the roles required, for the logs) is English: the user reads the role rule.
        return problem(
                HttpStatus.FORBIDDEN,
                ProblemDocuments.of(
                        HttpStatus.FORBIDDEN, ProblemDocuments.message("detail.forbidden", locale()), locale()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> conflict(OptimisticLockingFailureException e) {
        return problem(
                HttpStatus.CONFLICT,
                ProblemDocuments.of(
                        HttpStatus.CONFLICT, ProblemDocuments.message("detail.concurrent_change", locale()), locale()));
    }

    /** Anything else is the service's fault: logged with its stack, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security answers it (401 with WWW-Authenticate)
        }
        LOG.error("Unexpected error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemDocuments.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemDocuments.statusDetail(HttpStatus.INTERNAL_SERVER_ERROR, locale()),
                        locale()));
    }

    /** Spring's own problems (405, 406, 415, 404 of an unknown path...): worded, internals dropped. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : e instanceof org.springframework.web.ErrorResponse response
                        ? response.getBody()
                        : ProblemDetail.forStatus(status);
        ProblemDocuments.localise(problem, locale());
        HttpHeaders copy = new HttpHeaders();
        if (headers != null) {
            copy.putAll(headers);
        }
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(copy).body(problem);
    }

    private ResponseEntity<Object> invalid(Map<String, Fault> faults) {
        return problem(
                HttpStatus.BAD_REQUEST, ProblemDocuments.of(HttpStatus.BAD_REQUEST, "invalid", faults, locale()));
    }

    private static ResponseEntity<Object> problem(HttpStatusCode status, ProblemDetail problem) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private java.util.Optional<Fault> fault(JsonMappingException e) {
        if (e instanceof StrictJson.FaultyValue faulty) {
            return java.util.Optional.of(faulty.fault());
        }
        if (e instanceof UnrecognizedPropertyException) {
            return java.util.Optional.of(Fault.of("unknown_field", "is not a field of this request"));
        }
        if (e instanceof InvalidNullException) {
            return java.util.Optional.of(Fault.of("required", "is required"));
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Class<?> type = instantiation.getType().getRawClass();
            return java.util.Optional.of(type.isEnum() ? typeFault(type) : Fault.of("invalid", "is not valid"));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return java.util.Optional.of(typeFault(mismatch.getTargetType()));
        }
        return java.util.Optional.empty();
    }

    /** What a value of this type must be, in the user's terms. */
    private Fault typeFault(Class<?> type) {
        if (type == null) {
            return Fault.of("invalid", "is not valid");
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return Fault.of("not_text", "must be text");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Fault.of("not_boolean", "must be true or false");
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == BigInteger.class) {
            return Fault.of("not_integer", "must be a whole number");
        }
        if (Number.class.isAssignableFrom(type)
                || type == double.class
                || type == float.class
                || type == BigDecimal.class) {
            return Fault.of("not_number", "must be a number");
        }
        if (type == LocalDate.class) {
            return Fault.of("not_date", "must be a date yyyy-MM-dd");
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return Fault.of("not_date_time", "must be a date and time yyyy-MM-ddTHH:mm");
        }
        if (type == UUID.class) {
            return Fault.of("not_id", "must be an id (a UUID)");
        }
        if (type.isEnum()) {
            String values =
                    Arrays.stream(type.getEnumConstants()).map(this::asJson).collect(Collectors.joining(", "));
            return Fault.of("not_choice", "must be one of " + values, values);
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return Fault.of("not_list", "must be a list");
        }
        return Fault.of("not_object", "must be an object");
    }

    private String asJson(Object constant) {
        try {
            return json.convertValue(constant, String.class);
        } catch (IllegalArgumentException e) {
            return constant.toString();
        }
    }

    /**
     * A Bean Validation constraint's fault: worded from {@code field.<code>} when the bundles have it
     * (size, past...), with the constraint's attributes as values in Spring's order (alphabetical:
     * {@code @Size} gives max, min); otherwise the validator's message, already in the request's
     * language (a {@code {passerelle.*}} message of the bundles, or the validator's own).
     */
    private static Fault constraintFault(String code, org.springframework.context.MessageSourceResolvable error) {
        Object[] arguments = error.getArguments() == null ? new Object[0] : error.getArguments();
        Object[] values = Arrays.stream(arguments)
                .filter(argument -> !(argument instanceof org.springframework.context.MessageSourceResolvable))
                .toArray();
        return Fault.of(code, String.valueOf(error.getDefaultMessage()), values);
    }

    private static String constraintCode(String constraint) {
        if (constraint == null) {
            return "invalid";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            default -> constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        };
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
