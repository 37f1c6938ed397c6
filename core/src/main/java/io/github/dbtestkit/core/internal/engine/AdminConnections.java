package io.github.dbtestkit.core.internal.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A few idle connections to a PostgreSQL server's admin database, reused by {@code CREATE DATABASE} and
 * {@code DROP DATABASE}: each new connection is a new backend process on the server (a fork, authentication, and its
 * catalog caches to build), which under {@code FRESH_DATABASE} used to be paid twice per test. Thread-safe: a
 * connection serves one caller at a time, more are opened while every idle one is out, and at most {@link #MAX_IDLE}
 * are kept. A connection that failed with a connection error is closed instead of kept, so the next caller gets a
 * new one.
 *
 * <pre>{@code
 * try (AdminConnections.Lease admin = connections.lease()) { admin.connection().createStatement().execute(sql); }
 * }</pre>
 */
final class AdminConnections implements AutoCloseable {

    /** Idle connections kept: the pool's filler thread, a test dropping its copy and a parallel test or two. */
    static final int MAX_IDLE = 4;

    /** Opens a new admin connection in auto-commit mode. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    AdminConnections(Opener opener) {
        this.opener = opener;
    }

    /**
     * An idle connection, or a new one when none is idle. {@link Lease#reused()} says which, so a caller whose
     * statement failed with a connection error on a reused connection can retry once on a new one (the server may have
     * ended idle sessions, or restarted).
     */
    Lease lease() throws SQLException {
        Connection connection = null;
        synchronized (this) {
            while (!closed && connection == null && !idle.isEmpty()) {
                Connection candidate = idle.pop();
                if (isOpen(candidate)) {
                    connection = candidate;
                }
            }
        }
        return connection != null ? new Lease(connection, true) : fresh();
    }

    /** A new connection, kept afterwards like any other. */
    Lease fresh() throws SQLException {
        return new Lease(opener.open(), false);
    }

    private synchronized boolean keep(Connection connection) {
        if (closed || idle.size() >= MAX_IDLE) {
            return false;
        }
        idle.push(connection);
        return true;
    }

    /** Closes the idle connections; connections out on lease are closed when they come back. Never throws. */
    @Override
    public void close() {
        List<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(AdminConnections::closeQuietly);
    }

    /** SQLSTATE class 08 (connection exception) or 57P (the server ended the session or shut down). */
    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static boolean isOpen(Connection connection) {
        try {
            if (!connection.isClosed()) {
                return true;
            }
        } catch (SQLException e) {
            // treated as closed
        }
        closeQuietly(connection);
        return false;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // a connection that cannot close cleanly is gone anyway
        }
    }

    /** One caller's use of an admin connection; closing it hands the connection back, or closes it if it broke. */
    final class Lease implements AutoCloseable {

        private final Connection connection;
        private final boolean reused;
        private boolean broken;

        private Lease(Connection connection, boolean reused) {
            this.connection = connection;
            this.reused = reused;
        }

        Connection connection() {
            return connection;
        }

        /** Whether the connection had served an earlier caller. */
        boolean reused() {
            return reused;
        }

        /** Notes that {@code e} was raised on this connection: a connection error means it is not kept. */
        SQLException failed(SQLException e) {
            if (isConnectionFailure(e)) {
                broken = true;
            }
            return e;
        }

        @Override
        public void close() {
            if (broken || !keep(connection)) {
                closeQuietly(connection);
            }
        }
    }
}
