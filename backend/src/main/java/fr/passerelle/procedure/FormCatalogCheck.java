package fr.passerelle.procedure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads every task and event form of the processes jar at start-up: a form whose condition the
 * backend cannot evaluate ({@link FormCondition}) stops the service rather than letting a
 * conditional requirement go unchecked.
 */
@Component
class FormCatalogCheck {
    static final String[] LOCATIONS = {"classpath*:forms/*.form", "classpath*:messages/*.form"};

    FormCatalogCheck(ObjectMapper json) {
        all(json);
    }

    /** Every form by file name, read. */
    static Map<String, TaskForm> all(ObjectMapper json) {
        Map<String, TaskForm> forms = new LinkedHashMap<>();
        try {
            for (String location : LOCATIONS) {
                for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
                    try (InputStream in = resource.getInputStream()) {
                        forms.put(
                                (location.contains("messages") ? "messages/" : "forms/") + resource.getFilename(),
                                TaskForm.of(json.readTree(in)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("Form " + resource.getFilename() + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (forms.isEmpty()) {
            throw new IllegalStateException("No forms found in the processes jar");
        }
        return forms;
    }
}
