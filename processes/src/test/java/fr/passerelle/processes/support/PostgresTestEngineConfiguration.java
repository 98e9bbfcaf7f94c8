package fr.passerelle.processes.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/**
 * The engine configuration of the process tests: PostgreSQL (never H2), schema created and
 * updated by the engine, job executor off (tests execute jobs themselves), history full (the
 * coverage extension reads it), and the coverage extension's parse listeners and handlers.
 *
 * <p>The database is {@code passerelle_processes_<run>} on {@code <host>:<port>}, from the system
 * properties {@code passerelle.test.run}, {@code passerelle.test.db.host} and
 * {@code passerelle.test.db.port} (surefire sets them from the parent pom; defaults {@code dev},
 * {@code 127.0.0.1}, {@code 5432}); user {@code passerelle}, no password (trust on loopback, see
 * {@code infra/postgres/ensure.sh}). A missing database is created (the role has CREATEDB), so a
 * fresh run needs only {@code infra/postgres/ensure.sh}.
 *
 * <p>{@code databaseSchemaUpdate=true}: the tables stay between runs, and every test deletes its
 * deployment with its instances and history ({@code @Deployment} does it), so runs do not see each
 * other's data, and two builds sharing the database do not drop it from under each other.
 */
public class PostgresTestEngineConfiguration extends StandaloneProcessEngineConfiguration {

    public static final String USER = "passerelle";

    public PostgresTestEngineConfiguration() {
        String database = databaseName();
        String url = "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
        ensureDatabase(database);
        setProcessEngineName("passerelle-processes-test");
        setJdbcUrl(url);
        setJdbcDriver("org.postgresql.Driver");
        setJdbcUsername(USER);
        setJdbcPassword("");
        setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        setJobExecutorActivate(false);
        setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        // a model without historyTimeToLive is refused, as in the backend (ENGINE-12018)
        setEnforceHistoryTimeToLive(true);
        setJdbcMaxActiveConnections(5);
    }

    @Override
    protected void init() {
        // what the coverage library's ProcessCoverageInMemProcessEngineConfiguration does, on PostgreSQL
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(this);
        super.init();
    }

    public static String host() {
        return System.getProperty("passerelle.test.db.host", "127.0.0.1");
    }

    public static String port() {
        return System.getProperty("passerelle.test.db.port", "5432");
    }

    public static String databaseName() {
        return "passerelle_processes_" + System.getProperty("passerelle.test.run", "dev");
    }

    /** Creates the database when it does not exist yet (SQLState 3D000: invalid catalog name). */
    static void ensureDatabase(String database) {
        String url = "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
        try (Connection ignored = DriverManager.getConnection(url, USER, "")) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw new IllegalStateException(
                        "Cannot reach the process tests' database " + url + " as " + USER
                                + " (run infra/postgres/ensure.sh): " + e.getMessage(),
                        e);
            }
        }
        String admin = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + database + "\" OWNER " + USER);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another build: fine
                throw new IllegalStateException(
                        "Cannot create the process tests' database " + database + " (run infra/postgres/create-db.sh "
                                + database + " --keep): " + e.getMessage(),
                        e);
            }
        }
    }
}
