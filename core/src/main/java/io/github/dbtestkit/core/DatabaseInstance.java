package io.github.dbtestkit.core;

import org.apiguardian.api.API;

import javax.sql.DataSource;

/**
 * One database on a {@link DatabaseServer}. Closing it drops the database and closes whatever keeps it alive.
 *
 * <pre>{@code
 * try (Connection c = instance.dataSource().getConnection()) { ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface DatabaseInstance extends AutoCloseable {

    /** The engine it runs on. */
    EngineKind engine();

    /** Its name on the server. */
    String name();

    /** A JDBC URL that reaches it. */
    String jdbcUrl();

    /** The user name, empty where the engine has none. */
    String username();

    /** The password, empty where the engine has none. Never logged. */
    String password();

    /**
     * Physical connections: each {@code getConnection()} opens a new one, in auto-commit mode, with the engine's
     * session settings applied (SQLite: {@code foreign_keys} on).
     */
    DataSource dataSource();

    /** Drops the database. Idempotent; never throws. */
    @Override
    void close();

    /**
     * Lets go of the database without dropping it: its connections are closed and neither {@link #close()} nor closing
     * its server drops it. On a server dbtestkit does not run (external) it stays for good; a server dbtestkit runs
     * takes it along when it stops. For a failed test's evidence ({@code dbtestkit.keep-failed}).
     */
    default void keep() {
    }
}
