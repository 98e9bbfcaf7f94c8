package fr.passerelle.tenancy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Binds an association to the current database transaction ({@link AssociationScope} alone calls it), for trusted code that runs inside a
 * transaction begun for another association or for none (the engine's job executor firing a
 * timer). Row-level security then admits that association's rows until the transaction ends;
 * the connection goes back to the pool with its own binding ({@link TenantBoundDataSource}).
 */
@Component
class TransactionAssociation {
    private final JdbcTemplate jdbc;

    TransactionAssociation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void bind(String association) {
        jdbc.queryForObject(
                "SELECT set_config('" + TenantBoundDataSource.SETTING + "', ?, true)", String.class, association);
    }
}
