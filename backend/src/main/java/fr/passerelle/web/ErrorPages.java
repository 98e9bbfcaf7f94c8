package fr.passerelle.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error path ({@code /error}): errors raised outside the controllers
 * (a request the container or a filter refused) are problem documents too, without the
 * exception or its message; asked for directly, {@code /error} is a page that does not exist.
 * Replaces Spring Boot's default error controller.
 */
@io.swagger.v3.oas.annotations.Hidden
@RestController
class ErrorPages implements ErrorController {

    @RequestMapping(
            path = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer value && value >= 400 && value < 600
                ? HttpStatusCode.valueOf(value)
                : HttpStatus.NOT_FOUND;
        ProblemDetail problem = ProblemDocuments.of(
                status,
                ProblemDocuments.statusDetail(status, LocaleContextHolder.getLocale()),
                LocaleContextHolder.getLocale());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(java.net.URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
