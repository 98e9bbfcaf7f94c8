package fr.passerelle.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The association the current thread acts for. A request sets it from the token and the
 * {@code X-Association} header; code that runs outside a request (the job executor, the demo
 * data) sets it explicitly with {@link #runAs}. Row-level security reads it from every
 * database connection the service checks out.
 */
public final class Tenancy {
    /** The association's slug in the logs' context (MDC): never a person's name or id. */
    public static final String LOG_KEY = "association";

    private static final ThreadLocal<CurrentAssociation> CURRENT = new ThreadLocal<>();

    private Tenancy() {}

    /** The request's association; 400 when the caller belongs to several and chose none. */
    public static CurrentAssociation current() {
        CurrentAssociation association = CURRENT.get();
        if (association == null) {
            throw new NoAssociationChosenException();
        }
        return association;
    }

    public static Optional<String> currentSlug() {
        return Optional.ofNullable(CURRENT.get()).map(CurrentAssociation::slug);
    }

    /** Runs work for an association outside a request (it sees that association's rows only). */
    public static <T> T runAs(CurrentAssociation association, Supplier<T> work) {
        CurrentAssociation previous = CURRENT.get();
        CURRENT.set(association);
        MDC.put(LOG_KEY, association.slug());
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    static void set(CurrentAssociation association) {
        CURRENT.set(association);
        if (association != null) {
            MDC.put(LOG_KEY, association.slug());
        }
    }

    /**
     * Ends the request's association; its slug stays in the logs' context for the request's last
     * line, until the outermost filter (operations.RequestIds) removes it.
     */
    static void clear() {
        CURRENT.remove();
    }

    private static void restore(CurrentAssociation previous) {
        if (previous == null) {
            CURRENT.remove();
            MDC.remove(LOG_KEY);
        } else {
            CURRENT.set(previous);
            MDC.put(LOG_KEY, previous.slug());
        }
    }
}
