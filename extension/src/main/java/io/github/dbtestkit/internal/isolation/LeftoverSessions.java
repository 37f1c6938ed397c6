package io.github.dbtestkit.internal.isolation;

import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Ends the PostgreSQL sessions a test left open in a transaction on its database, so that their locks do not block the
 * next test: a test that opened its own connection through {@code TestDatabase.jdbcUrl()}, began a transaction and
 * never closed it would otherwise hold its row and table locks until the JVM ends. dbtestkit's own connections (the
 * tests' transactions, which may run in parallel) are known by their backend pid and spared.
 *
 * <pre>{@code
 * sessions.adopt(physical);             // a connection of dbtestkit's own
 * sessions.endLeftovers(physical);      // after the test's rollback
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LeftoverSessions {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverSessions.class);
    private static final String END = "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            + " AND state IN ('idle in transaction', 'idle in transaction (aborted)') AND NOT (pid = ANY (?))";

    private final String database;
    private final Map<Connection, Integer> ours = Collections.synchronizedMap(new WeakHashMap<>());

    /** For the PostgreSQL database that {@code database} names in log lines. */
    public LeftoverSessions(String database) {
        this.database = database;
    }

    /** Remembers {@code connection} as dbtestkit's own; asks the server for its pid once. */
    public void adopt(Connection connection) throws SQLException {
        if (ours.containsKey(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            ours.put(connection, rs.getInt(1));
        }
    }

    /**
     * Ends, through {@code physical} (rolled back, in manual mode), every other session on its database that is idle in
     * a transaction and not dbtestkit's own; leaves {@code physical} rolled back. Never throws: a failure is logged.
     */
    public void endLeftovers(Connection physical) {
        try {
            List<Integer> pids = new ArrayList<>();
            synchronized (ours) {
                ours.forEach((connection, pid) -> {
                    if (!isClosed(connection)) {
                        pids.add(pid);
                    }
                });
            }
            List<Integer> ended = new ArrayList<>();
            try (PreparedStatement end = physical.prepareStatement(END)) {
                Array spared = physical.createArrayOf("int4", pids.toArray());
                end.setArray(1, spared);
                try (ResultSet rs = end.executeQuery()) {
                    while (rs.next()) {
                        ended.add(rs.getInt(1));
                    }
                }
            } finally {
                physical.rollback();
            }
            if (!ended.isEmpty()) {
                LOG.warn("dbtestkit: a test left {} connection(s) open in a transaction on the database of {} (pid {}); ended them so that "
                        + "their locks do not block the next test. Close the connections a test opens itself, e.g. with "
                        + "try-with-resources.", ended.size(), database, ended);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not end the sessions left open on {}: {}", database, e.toString());
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
