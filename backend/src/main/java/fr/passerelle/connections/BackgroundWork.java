package fr.passerelle.connections;

import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Marks the threads that do background work: their connections come from the background pool.
 * The engine's job executor and the scheduler's threads are marked when they are created
 * ({@link ConnectionPools}); other code marks a piece of work with {@link #run}.
 */
public final class BackgroundWork {
    private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

    private BackgroundWork() {}

    /** True on a thread doing background work. */
    public static boolean onThisThread() {
        return BACKGROUND.get();
    }

    /** Runs the work as background work: the connections it opens come from the background pool. */
    public static <T> T run(Supplier<T> work) {
        boolean before = BACKGROUND.get();
        BACKGROUND.set(true);
        try {
            return work.get();
        } finally {
            BACKGROUND.set(before);
        }
    }

    /** Threads from this factory do background work for their whole life. */
    static ThreadFactory marking(ThreadFactory threads) {
        return task -> threads.newThread(() -> {
            BACKGROUND.set(true);
            task.run();
        });
    }
}
