package fr.passerelle.web;

import fr.passerelle.web.InputRefusal.Fault;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The text rules ({@link PlainText}, single line) for what enters outside JSON bodies: query
 * parameters and form or multipart fields (by their name) and path variables (by theirs),
 * checked before the controller reads them.
 */
class InputTextInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, Fault> faults = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            PlainText.fault(name, false).ifPresent(fault -> faults.put("parameter", fault));
            for (String value : values) {
                PlainText.fault(value, false).ifPresent(fault -> faults.putIfAbsent(clean(name), fault));
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value instanceof String text) {
                    PlainText.fault(text, false).ifPresent(fault -> faults.putIfAbsent(String.valueOf(name), fault));
                }
            });
        }
        if (!faults.isEmpty()) {
            throw InputRefusal.invalid(faults);
        }
        return true;
    }

    private static String clean(String name) {
        return PlainText.fault(name, false).isPresent() ? "parameter" : name;
    }
}
