package fr.passerelle.procedure;

import fr.passerelle.operations.Refreshed;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's own figures for the metrics (Camunda 7 has no Micrometer binder). Jobs executed and
 * failed are the engine's meters as its nodes report them to the database (every 15 minutes by
 * default): cluster-wide totals, the same on every node, that lag by up to that interval. The
 * others are counted now, across all associations (no engine authentication on the reading thread,
 * {@link Refreshed}): open incidents, jobs whose last attempt failed, timers due and not fired,
 * and all jobs due (the job executor's backlog).
 */
@Component
class EngineMeters implements MeterBinder {
    private record Engine(
            long jobsSuccessful, long jobsFailed, long incidents, long jobsFailing, long timersDue, long jobsDue) {}

    private final Refreshed<Engine> engine;

    EngineMeters(
            ManagementService management,
            RuntimeService runtime,
            @Value("${passerelle.metrics.max-age:PT10S}") Duration maxAge) {
        this.engine = new Refreshed<>(
                () -> new Engine(
                        management
                                .createMetricsQuery()
                                .name(Metrics.JOB_SUCCESSFUL)
                                .sum(),
                        management.createMetricsQuery().name(Metrics.JOB_FAILED).sum(),
                        runtime.createIncidentQuery().count(),
                        management.createJobQuery().withException().count(),
                        management.createJobQuery().timers().executable().count(),
                        management.createJobQuery().executable().count()),
                maxAge);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("passerelle.engine.jobs.executed", engine, e -> e.figure(Engine::jobsSuccessful))
                .tag("result", "successful")
                .description("Jobs the engine ran, as reported by all nodes to the database")
                .register(registry);
        FunctionCounter.builder("passerelle.engine.jobs.executed", engine, e -> e.figure(Engine::jobsFailed))
                .tag("result", "failed")
                .description("Jobs the engine ran, as reported by all nodes to the database")
                .register(registry);
        Gauge.builder("passerelle.engine.incidents.open", () -> engine.figure(Engine::incidents))
                .description("Open incidents: jobs out of retries, waiting for someone")
                .register(registry);
        Gauge.builder("passerelle.engine.jobs.failing", () -> engine.figure(Engine::jobsFailing))
                .description("Jobs whose last attempt failed (retried, or an incident when out of retries)")
                .register(registry);
        Gauge.builder("passerelle.engine.timers.due", () -> engine.figure(Engine::timersDue))
                .description("Timers whose date has passed and that have not fired yet")
                .register(registry);
        Gauge.builder("passerelle.engine.jobs.due", () -> engine.figure(Engine::jobsDue))
                .description("Jobs due and not run yet: the job executor's backlog")
                .register(registry);
    }
}
