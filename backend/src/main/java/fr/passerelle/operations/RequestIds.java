package fr.passerelle.operations;

import fr.passerelle.tenancy.Tenancy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request an id, first of all filters (so a refused token's 401 has one too): the
 * proxy's {@code X-Request-Id} when it looks like an id, a new one otherwise. It is in the logs
 * ({@code requestId}, beside the association the request acts for, {@link Tenancy#LOG_KEY}) and
 * in the response, so a user's report leads to the lines. One line per request at DEBUG, at WARN
 * for a server error: method, route pattern (never the path itself, which may carry a calendar
 * feed's secret, nor the query, which may carry a name searched for), status and duration.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {
    static final String HEADER = "X-Request-Id";
    static final String LOG_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Logger LOG = LoggerFactory.getLogger(RequestIds.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        MDC.put(LOG_KEY, id);
        response.setHeader(HEADER, id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status >= 500 || LOG.isDebugEnabled()) {
                Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                long millis = (System.nanoTime() - start) / 1_000_000;
                String format = "{} {} answered {} in {} ms";
                Object[] values = {request.getMethod(), route == null ? "(no route)" : route, status, millis};
                if (status >= 500) {
                    LOG.warn(format, values);
                } else {
                    LOG.debug(format, values);
                }
            }
            MDC.remove(LOG_KEY);
            MDC.remove(Tenancy.LOG_KEY);
        }
    }
}
