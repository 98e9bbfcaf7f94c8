package fr.passerelle.reporting;

import fr.passerelle.operations.Refreshed;
import fr.passerelle.tenancy.EveryAssociation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Excel exports waiting for the job executor and those running, all associations together, for
 * the metrics: one count per association, at most once per {@code passerelle.metrics.max-age}.
 */
@Component
class ExportMeters implements MeterBinder {
    private record Queue(long queued, long running) {}

    private final Refreshed<Queue> queue;

    ExportMeters(
            EveryAssociation associations,
            JdbcTemplate jdbc,
            @Value("${passerelle.metrics.max-age:PT10S}") Duration maxAge) {
        this.queue = new Refreshed<>(
                () -> associations
                        .read(() -> jdbc.queryForObject("""
                                SELECT count(*) FILTER (WHERE status = 'QUEUED'), count(*) FILTER (WHERE status = 'RUNNING')
                                FROM app.export_jobs WHERE status IN ('QUEUED', 'RUNNING')""", (row, n) -> new Queue(row.getLong(1), row.getLong(2))))
                        .values()
                        .stream()
                        .reduce(new Queue(0, 0), (a, b) -> new Queue(a.queued + b.queued, a.running + b.running)),
                maxAge);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("passerelle.exports.queued", () -> queue.figure(Queue::queued))
                .description("Excel exports waiting to run")
                .register(registry);
        Gauge.builder("passerelle.exports.running", () -> queue.figure(Queue::running))
                .description("Excel exports running")
                .register(registry);
    }
}
