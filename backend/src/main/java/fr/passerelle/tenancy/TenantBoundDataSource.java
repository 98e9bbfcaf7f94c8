package fr.passerelle.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Stamps every connection the service checks out with the current association, for the
 * row-level security policies ({@code current_setting('passerelle.tenant_id')}). It is set on
 * every checkout, empty when there is none, so a pooled connection never carries a previous
 * request's association.
 */
final class TenantBoundDataSource extends DelegatingDataSource {
    /** The setting the row-level security policies read. */
    static final String SETTING = "passerelle.tenant_id";

    TenantBoundDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(super.getConnection(username, password));
    }

    private static Connection bind(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, false)")) {
            statement.setString(1, Tenancy.currentSlug().orElse(""));
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
