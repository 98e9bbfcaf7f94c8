package fr.passerelle.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.web.InputRefusal.Fault;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses before anything else reads it (an encoded NUL
 * or control character, a backslash or an encoded slash in the path...): a 400 problem naming
 * the path, written at once. The default handler's {@code sendError} would dispatch to
 * {@code /error} with the same address, refused again, and end in the container's HTML page.
 */
@Configuration
class RejectedRequests {

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> {
            Locale locale = ProblemDocuments.locale(request.getHeader("Accept-Language"));
            ProblemDetail problem = ProblemDocuments.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid",
                    Map.of("path", Fault.of("path_refused", "holds characters an address may not contain")),
                    locale);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        };
    }
}
