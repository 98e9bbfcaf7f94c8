package fr.passerelle.processes.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when any model it ran is covered (flow nodes and sequence flows) below
 * {@link ProcessTestCase#MIN_COVERAGE}, model by model: the coverage extension's own
 * {@code assertClassCoverageAtLeast} checks the average over the class's models, which lets a
 * well-covered model hide a poorly covered one.
 *
 * <p>Also fails a class that extends {@link ProcessTestCase} without its own static
 * {@code @RegisterExtension ProcessEngineCoverageExtension} field (see {@link ProcessTestCase}):
 * a shared extension would mix the classes' models and coverages.
 */
public class ModelCoverageCheck implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        coverageExtension(context.getRequiredTestClass());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        ProcessEngineCoverageExtension extension = coverageExtension(testClass);
        Field collectorField = ProcessEngineCoverageExtension.class.getDeclaredField("coverageCollector");
        collectorField.setAccessible(true);
        DefaultCollector collector = (DefaultCollector) collectorField.get(extension);
        Suite suite = collector.getActiveSuite();
        if (suite == null) {
            return;
        }
        List<String> low = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        for (Model model : collector.getModels()) {
            double coverage = suite.calculateCoverage(model);
            summary.append(String.format(Locale.ROOT, "%n  %-28s %5.1f %%", model.getKey(), coverage * 100));
            if (Double.isNaN(coverage) || coverage < ProcessTestCase.MIN_COVERAGE) {
                low.add(String.format(Locale.ROOT, "%s %.1f %%", model.getKey(), coverage * 100));
            }
        }
        System.out.println("Process coverage of " + testClass.getSimpleName() + ":" + summary);
        if (!low.isEmpty()) {
            throw new AssertionError(String.format(
                    Locale.ROOT,
                    "%s: process coverage below %.0f %% (flow nodes and sequence flows, per model): %s",
                    testClass.getSimpleName(),
                    ProcessTestCase.MIN_COVERAGE * 100,
                    String.join(", ", low)));
        }
    }

    static ProcessEngineCoverageExtension coverageExtension(Class<?> testClass) {
        for (Field field : testClass.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && ProcessEngineCoverageExtension.class.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    Object value = field.get(null);
                    if (value != null) {
                        return (ProcessEngineCoverageExtension) value;
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(testClass.getName() + " must declare its own "
                + "'@RegisterExtension static final ProcessEngineCoverageExtension ENGINE = "
                + "ProcessTestCase.engine();' (see ProcessTestCase)");
    }
}
