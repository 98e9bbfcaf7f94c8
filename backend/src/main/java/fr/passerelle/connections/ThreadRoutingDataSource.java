package fr.passerelle.connections;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Hands out connections from the requests' pool, or from the background pool on a thread doing
 * background work ({@link BackgroundWork}). A transaction keeps the connection it started with,
 * and a thread is one kind or the other for the whole of a piece of work, so a transaction never
 * mixes the pools.
 */
final class ThreadRoutingDataSource extends AbstractDataSource implements Closeable {
    private final DataSource requests;
    private final DataSource background;

    ThreadRoutingDataSource(DataSource requests, DataSource background) {
        this.requests = requests;
        this.background = background;
    }

    private DataSource current() {
        return BackgroundWork.onThisThread() ? background : requests;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return current().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return current().getConnection(username, password);
    }

    /** Unwrapping finds the requests' pool (its metrics, its health). */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : requests.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || requests.isWrapperFor(type);
    }

    DataSource background() {
        return background;
    }

    @Override
    public void close() {
        for (DataSource pool : new DataSource[] {background, requests}) {
            if (pool instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing at shutdown: nothing left to do with it
                }
            }
        }
    }
}
