package fr.passerelle.alerts;

import fr.passerelle.operations.Refreshed;
import fr.passerelle.tenancy.EveryAssociation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's state for the metrics, all associations together: reminders waiting for their
 * date, those whose date has passed and are not sent yet (the dispatcher is behind or the SMTP
 * server refuses them), and those that failed for good. One count per association through the
 * partial indexes of V45, at most once per {@code passerelle.metrics.max-age}.
 */
@Component
class ReminderMeters implements MeterBinder {
    private record Outbox(long pending, long late, long failed) {}

    private final Refreshed<Outbox> outbox;

    ReminderMeters(
            EveryAssociation associations,
            JdbcTemplate jdbc,
            @Value("${passerelle.metrics.max-age:PT10S}") Duration maxAge) {
        this.outbox = new Refreshed<>(
                () -> associations
                        .read(() -> jdbc.queryForObject(
                                """
                                SELECT count(*) FILTER (WHERE status = 'PENDING'),
                                       count(*) FILTER (WHERE status = 'PENDING' AND send_at <= now()),
                                       count(*) FILTER (WHERE status = 'FAILED')
                                FROM app.reminders WHERE status IN ('PENDING', 'FAILED')""", (row, n) -> new Outbox(row.getLong(1), row.getLong(2), row.getLong(3))))
                        .values()
                        .stream()
                        .reduce(
                                new Outbox(0, 0, 0),
                                (a, b) -> new Outbox(a.pending + b.pending, a.late + b.late, a.failed + b.failed)),
                maxAge);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "passerelle.reminders.pending", "Reminders waiting to be sent", Outbox::pending);
        gauge(registry, "passerelle.reminders.late", "Reminders due and not sent yet", Outbox::late);
        gauge(registry, "passerelle.reminders.failed", "Reminders given up after the last attempt", Outbox::failed);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Outbox> figure) {
        Gauge.builder(name, () -> outbox.figure(figure))
                .description(description)
                .register(registry);
    }
}
