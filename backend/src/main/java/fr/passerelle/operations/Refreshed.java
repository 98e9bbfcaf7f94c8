package fr.passerelle.operations;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure read from the database for the metrics, kept for {@code maxAge} so that scrapes, however
 * many, cost one read per period. The read runs on a thread of its own, never the scrape's request
 * thread: that thread may carry a user's engine authentication and association, which would filter
 * the engine's queries and the rows row-level security lets through. A read that fails or takes
 * longer than {@link #TIMEOUT} gives nothing (the gauges show NaN) rather than a stale figure.
 */
public final class Refreshed<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Refreshed.class);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ExecutorService READER = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "passerelle-metrics");
        thread.setDaemon(true);
        return thread;
    });

    private final Supplier<T> read;
    private final long maxAgeNanos;
    private T value;
    private long readAt;

    public Refreshed(Supplier<T> read, Duration maxAge) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public synchronized Optional<T> get() {
        long now = System.nanoTime();
        if (value == null || now - readAt >= maxAgeNanos) {
            value = readNow();
            readAt = now;
        }
        return Optional.ofNullable(value);
    }

    /** One figure of the value, for a gauge: NaN when it could not be read. */
    public double figure(ToDoubleFunction<T> of) {
        return get().map(of::applyAsDouble).orElse(Double.NaN);
    }

    private T readNow() {
        Future<T> result = READER.submit(read::get);
        try {
            return result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            result.cancel(true);
            LOG.warn("Figures for the metrics not read: {}", e.toString());
            return null;
        }
    }
}
