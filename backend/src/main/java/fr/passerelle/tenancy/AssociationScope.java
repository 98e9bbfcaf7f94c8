package fr.passerelle.tenancy;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place work outside a request (a listener of the engine, a job, a scheduled dispatch, the demo
 * data) acts for an association. For the work's duration the thread acts for it ({@link Tenancy}: the
 * engine's new process instances belong to it, every connection checked out is stamped with it); and the
 * transaction the work runs in, if one is open (the engine's command on the job executor, begun for no
 * association), is bound to it until it ends, so row-level security admits that association's rows and
 * no other's. Listeners and jobs call this instead of binding anything themselves.
 */
@Component
public class AssociationScope {
    private final TransactionAssociation transaction;

    AssociationScope(TransactionAssociation transaction) {
        this.transaction = transaction;
    }

    public void run(String association, Runnable work) {
        call(association, () -> {
            work.run();
            return null;
        });
    }

    /** As the association, with no role: trusted code, not a person. */
    public <T> T call(String association, Supplier<T> work) {
        if (Tenancy.currentSlug().filter(association::equals).isPresent()) {
            return bound(association, work); // a listener within the association's own request keeps its roles
        }
        return call(new CurrentAssociation(association, Set.of()), work);
    }

    /** As the association with these roles (the demo data acting as a coordinator, a lawyer's inbox). */
    public <T> T call(CurrentAssociation association, Supplier<T> work) {
        return Tenancy.runAs(association, () -> bound(association.slug(), work));
    }

    private <T> T bound(String association, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            transaction.bind(association);
        }
        return work.get();
    }
}
