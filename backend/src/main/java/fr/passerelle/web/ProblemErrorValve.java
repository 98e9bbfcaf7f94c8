package fr.passerelle.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Errors that Tomcat answers itself, before any servlet (an address with an encoded NUL, a
 * malformed request line...): a problem document rather than Tomcat's HTML page, and without
 * the server's name or version.
 */
public class ProblemErrorValve extends ErrorReportValve {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Locale locale = ProblemDocuments.locale(request.getHeader("Accept-Language"));
        // A 400 here is the request line itself refused (Tomcat rejects an encoded NUL in the address).
        ProblemDetail problem = status == 400
                ? ProblemDocuments.of(
                        HttpStatusCode.valueOf(status),
                        "invalid",
                        Map.of(
                                "path",
                                InputRefusal.Fault.of("path_refused", "holds characters an address may not contain")),
                        locale)
                : ProblemDocuments.of(
                        HttpStatusCode.valueOf(status),
                        ProblemDocuments.statusDetail(HttpStatusCode.valueOf(status), locale),
                        locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", status);
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(body));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }

    @Configuration
    static class Installation {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorValve.class.getName());
                }
            });
        }
    }
}
