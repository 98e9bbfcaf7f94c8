package fr.passerelle.tenancy;

import static fr.passerelle.support.Associations.ALPHA;
import static fr.passerelle.support.Associations.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.security.Role;
import fr.passerelle.support.ApiTest;
import fr.passerelle.support.Associations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Isolation holds in the database itself: the service's role, with no tenant filter in the
 * query, sees and writes only the current association's rows.
 */
@ApiTest
class RowLevelSecurityTest {
    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String appRole;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AssociationScope scope;

    @Autowired
    TransactionTemplate transactions;

    UUID alphaCase;
    UUID betaCase;

    @BeforeEach
    void setUp() throws SQLException {
        Associations.ensure(jdbc, ALPHA, BETA);
        try (Connection connection = appConnection()) {
            alphaCase = insertCase(connection, ALPHA, ALPHA);
            betaCase = insertCase(connection, BETA, BETA);
        }
    }

    @Test
    void theServiceRoleCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection connection = appConnection();
                PreparedStatement query = connection.prepareStatement("""
                SELECT r.rolsuper, r.rolbypassrls, c.relowner = r.oid AS owner, c.relforcerowsecurity
                FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'app.cases'::regclass""");
                ResultSet row = query.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean("rolsuper")).isFalse();
            assertThat(row.getBoolean("rolbypassrls")).isFalse();
            assertThat(row.getBoolean("owner")).isFalse();
            assertThat(row.getBoolean("relforcerowsecurity")).isTrue();
        }
    }

    private static final String TENANT_CHECK = "(tenant_id = current_setting('passerelle.tenant_id'::text, true))";

    /**
     * Tenant-owned tables that every association reads on purpose: the prefecture kits associations
     * published (V102). Each has the tenant policy and one more, for SELECT only
     * ({@link #aSharedTableIsReadByAllAndWrittenOnlyByItsOwner}).
     */
    private static final List<String> READ_BY_ALL = List.of("shared_prefecture_kits");

    /** A table added later with a tenant_id but no policy would leak: the catalogue says none does. */
    @Test
    void everyTenantOwnedTableIsUnderTheTenantPolicy() {
        List<String> tenantOwned = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'app'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r' ORDER BY 1""", String.class);
        // exactly one policy, for every command, and it is the tenant check both ways
        List<String> unguarded =
                jdbc.queryForList("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'app'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                    AND (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)
                        = CASE WHEN c.relname = ANY (?) THEN 2 ELSE 1 END
                    AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation'
                        AND p.polcmd = '*' AND p.polpermissive
                        AND pg_get_expr(p.polqual, p.polrelid) = ?
                        AND pg_get_expr(p.polwithcheck, p.polrelid) = ?))
                ORDER BY 1""", String.class, READ_BY_ALL.toArray(String[]::new), TENANT_CHECK, TENANT_CHECK);
        assertThat(tenantOwned).contains("cases", "applicants", "audit_events", "open_tasks");
        assertThat(unguarded)
                .as("tenant-owned tables without the tenant policy")
                .isEmpty();
    }

    /** The second policy of a table read by all is for SELECT alone: writing stays under the tenant policy. */
    @Test
    void aSharedTableIsReadByAllAndWrittenOnlyByItsOwner() {
        List<String> extra = jdbc.queryForList("""
                SELECT c.relname || ' ' || p.polcmd::text || ' ' || p.polpermissive::text || ' '
                    || coalesce(pg_get_expr(p.polqual, p.polrelid), '-') || ' '
                    || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '-')
                FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'app'
                WHERE p.polname <> 'tenant_isolation' ORDER BY 1""", String.class);
        assertThat(extra)
                .as("policies other than the tenant's: one per table read by all, SELECT (r) only")
                .containsExactlyElementsOf(READ_BY_ALL.stream()
                        .map(table -> table + " r true true -")
                        .toList());
    }

    @Test
    void aQueryWithNoTenantFilterReturnsOnlyTheCurrentTenantsRows() throws SQLException {
        try (Connection connection = appConnection()) {
            setTenant(connection, ALPHA);
            List<String> tenants = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT id, tenant_id FROM app.cases")) {
                while (rows.next()) {
                    ids.add(rows.getObject("id", UUID.class));
                    tenants.add(rows.getString("tenant_id"));
                }
            }
            assertThat(ids).contains(alphaCase).doesNotContain(betaCase);
            assertThat(tenants).containsOnly(ALPHA);
        }
    }

    @Test
    void noTenantMeansNoRows() throws SQLException {
        try (Connection connection = appConnection()) {
            setTenant(connection, "");
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM app.cases")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }

    @Test
    void anInsertWithAnotherTenantsIdIsRefused() throws SQLException {
        try (Connection connection = appConnection()) {
            assertThatThrownBy(() -> insertCase(connection, ALPHA, BETA))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void anotherTenantsRowsCannotBeUpdatedOrDeleted() throws SQLException {
        try (Connection connection = appConnection()) {
            setTenant(connection, ALPHA);
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE app.cases SET department = '13' WHERE id = ?")) {
                update.setObject(1, betaCase);
                assertThat(update.executeUpdate()).isZero();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM app.cases WHERE id = ?")) {
                delete.setObject(1, betaCase);
                assertThat(delete.executeUpdate()).isZero();
            }
            try (PreparedStatement move =
                    connection.prepareStatement("UPDATE app.cases SET tenant_id = 'beta' WHERE id = ?")) {
                move.setObject(1, alphaCase);
                assertThatThrownBy(move::executeUpdate).hasMessageContaining("row-level security");
            }
        }
    }

    @Test
    void theServicesOwnConnectionsCarryTheCurrentAssociation() {
        List<String> seen = Tenancy.runAs(
                new CurrentAssociation(BETA, Set.of(Role.CASEWORKER)),
                () -> jdbc.queryForList("SELECT DISTINCT tenant_id FROM app.cases", String.class));
        assertThat(seen).containsExactly(BETA);
        List<String> outside = jdbc.queryForList("SELECT DISTINCT tenant_id FROM app.cases", String.class);
        assertThat(outside).as("outside any association").isEmpty();
    }

    @Test
    void aListenerOutsideARequestSeesOnlyItsAssociationsRows() {
        // as the engine's job executor: a transaction begun for no association, then a listener for beta
        List<List<String>> seen = transactions.execute(status -> {
            List<String> before = jdbc.queryForList("SELECT DISTINCT tenant_id FROM app.cases", String.class);
            List<String> inScope = scope.call(BETA, () -> {
                assertThat(Tenancy.currentSlug()).contains(BETA);
                return jdbc.queryForList(
                        "SELECT DISTINCT tenant_id FROM app.cases UNION SELECT tenant_id FROM app.published_cases",
                        String.class);
            });
            assertThat(Tenancy.currentSlug())
                    .as("the thread's association ends with the scope")
                    .isEmpty();
            return List.of(before, inScope);
        });
        assertThat(seen.get(0)).as("before the scope").isEmpty();
        assertThat(seen.get(1)).containsExactly(BETA);
        assertThat(jdbc.queryForList("SELECT DISTINCT tenant_id FROM app.cases", String.class))
                .as("after the transaction")
                .isEmpty();
    }

    @Test
    void everyPublishedViewReadsUnderTheTablesRowLevelSecurity() {
        List<String> views = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'app'
                WHERE c.relkind = 'v' ORDER BY 1""", String.class);
        List<String> asOwner = jdbc.queryForList("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'app'
                WHERE c.relkind = 'v' AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)""", String.class);
        assertThat(views).contains("published_cases", "published_open_tasks");
        assertThat(asOwner)
                .as("views that would read as their owner, past row-level security")
                .isEmpty();
        List<String> seen = Tenancy.runAs(
                new CurrentAssociation(ALPHA, Set.of(Role.CASEWORKER)),
                () -> jdbc.queryForList("SELECT DISTINCT tenant_id FROM app.published_cases", String.class));
        assertThat(seen).containsExactly(ALPHA);
    }

    private Connection appConnection() throws SQLException {
        return DriverManager.getConnection(url, appRole, "");
    }

    private static void setTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT set_config('passerelle.tenant_id', ?, false)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }

    private static UUID insertCase(Connection connection, String currentTenant, String rowTenant) throws SQLException {
        setTenant(connection, currentTenant);
        UUID id = UUID.randomUUID();
        try (PreparedStatement applicant = connection.prepareStatement("""
                INSERT INTO app.applicants (id, tenant_id, last_name, created_at, updated_at)
                VALUES (?, ?, 'Test', now(), now())""");
                PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO app.cases (id, tenant_id, reference, applicant_id, ground, department, status,
                                       created_at, updated_at)
                VALUES (?, ?, ?, ?, 'L435-1', '69', 'PREPARATION', now(), now())""")) {
            applicant.setObject(1, id);
            applicant.setString(2, rowTenant);
            applicant.executeUpdate();
            insert.setObject(1, id);
            insert.setString(2, rowTenant);
            insert.setString(3, "RLS-" + id);
            insert.setObject(4, id);
            insert.executeUpdate();
        }
        return id;
    }
}
