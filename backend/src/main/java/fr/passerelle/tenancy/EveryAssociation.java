package fr.passerelle.tenancy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads something from each association in turn, as the reminders' dispatcher and the platform's
 * statistics do: each read in a read-only transaction of its own, bound to that association, so
 * row-level security admits its rows and no other's. For trusted code outside a request (the
 * metrics); the figures it adds up across associations are counts, never rows.
 */
@Component
public class EveryAssociation {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final AssociationScope scope;

    EveryAssociation(JdbcTemplate jdbc, PlatformTransactionManager transactions, AssociationScope scope) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The work's result for each association, by slug. */
    public <T> Map<String, T> read(Supplier<T> work) {
        Map<String, T> results = new LinkedHashMap<>();
        for (String slug : jdbc.queryForList("SELECT slug FROM app.associations ORDER BY slug", String.class)) {
            results.put(slug, scope.call(slug, () -> readOnly.execute(status -> work.get())));
        }
        return results;
    }
}
