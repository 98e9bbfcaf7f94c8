package fr.passerelle.procedure;

import java.util.Set;
import java.util.UUID;

/**
 * Work another module runs on the engine's job executor ({@link BackgroundJobs#send}): a bean of this
 * type names the job types it runs. Found when the engine starts, it should reach its own services
 * lazily (an {@code ObjectProvider}), as the engine is built before them.
 */
public interface BackgroundJob {

    Set<String> types();

    /** Runs the job of that type for the thing {@code id} of the association {@code tenant}. */
    void run(String type, UUID id, String tenant);
}
