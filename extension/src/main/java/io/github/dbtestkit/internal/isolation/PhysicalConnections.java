package io.github.dbtestkit.internal.isolation;

import org.apiguardian.api.API;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps idle physical connections to one database for reuse by the next test, because opening a connection costs
 * milliseconds on PostgreSQL while a test's own work may cost less. Connections come back rolled back and in manual
 * commit mode.
 *
 * <pre>{@code
 * Connection c = connections.borrow(); ... connections.release(c);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PhysicalConnections implements AutoCloseable {

    private static final int MAX_IDLE = 4;

    private final DataSource source;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    /** Connections opened through {@code source}, which must give physical connections. */
    public PhysicalConnections(DataSource source) {
        this.source = source;
    }

    /** An idle connection, or a new one. */
    public Connection borrow() throws SQLException {
        synchronized (this) {
            if (closed) {
                throw new SQLException("The database has been closed.");
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
        }
        return source.getConnection();
    }

    /** Takes a connection back; a broken one, or one beyond the idle limit, is closed instead. */
    public void release(Connection connection) {
        boolean keep;
        synchronized (this) {
            keep = !closed && idle.size() < MAX_IDLE && isReusable(connection);
            if (keep) {
                idle.addFirst(connection);
            }
        }
        if (!keep) {
            closeQuietly(connection);
        }
    }

    private static boolean isReusable(Connection connection) {
        try {
            return !connection.isClosed() && !connection.getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes every idle connection; connections still borrowed are closed when released. */
    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(PhysicalConnections::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is best effort; the database itself is dropped afterwards
        }
    }
}
