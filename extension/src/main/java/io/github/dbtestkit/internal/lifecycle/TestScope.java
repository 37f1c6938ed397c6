package io.github.dbtestkit.internal.lifecycle;

import org.apiguardian.api.API;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Isolation;
import io.github.dbtestkit.Migrations;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.internal.setup.SchemaSetup;
import io.github.dbtestkit.internal.isolation.TestSession;
import io.github.dbtestkit.internal.isolation.TestTransaction;
import io.github.dbtestkit.internal.setup.PreparedDatabase;
import org.hibernate.Session;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What one test holds: its transaction (under {@link Isolation#ROLLBACK}) or its own copy of the database (under
 * {@link Isolation#FRESH_DATABASE}), its session and the connections handed to it. Created on first need, by the extension before {@code @BeforeEach} or by constructor injection, and closed
 * after {@code @AfterEach}: sessions first, then the transaction is rolled back.
 *
 * <pre>{@code
 * TestScope scope = TestScope.of(context); Connection c = scope.connection();
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TestScope implements AutoCloseable {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestScope.class);

    private final PreparedDatabase database;
    private final TestTransaction transaction;
    private final AutoCloseable freshCopy;
    /** Under dbtestkit.keep-failed: the test's own copy, kept if it fails. */
    private final io.github.dbtestkit.internal.setup.TestCopy keptIfFailed;
    private final io.github.dbtestkit.internal.isolation.Turns.Turn turn;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private TestSession session;
    private Migrations migrations;
    private boolean closed;

    private TestScope(PreparedDatabase database, Isolation isolation, boolean keepFailed, int freshPoolSize)
            throws SQLException {
        this.database = database;
        if (keepFailed && isolation != Isolation.NONE) {
            // a copy of its own: no turn to take
            this.keptIfFailed = database.copyForTest(isolation == Isolation.ROLLBACK);
            this.freshCopy = null;
            this.turn = () -> { };
            this.transaction = keptIfFailed.transaction();
        } else {
            this.keptIfFailed = null;
            this.freshCopy = isolation == Isolation.FRESH_DATABASE ? database.freshCopy(freshPoolSize) : null;
            // A FRESH_DATABASE test has a database of its own; the others share it, and on SQLite they take turns.
            this.turn = isolation == Isolation.FRESH_DATABASE ? () -> { } : database.takeTurn();
            try {
                this.transaction = isolation == Isolation.ROLLBACK ? database.beginTest() : null;
            } catch (SQLException | RuntimeException e) {
                turn.close();
                throw e;
            }
        }
    }

    /** The scope of the test {@code context} belongs to, begun if needed. {@code context} must be a test's. */
    public static TestScope of(ExtensionContext context, EngineRun run) {
        if (context.getTestMethod().isEmpty()) {
            throw new DatabaseTestException("A Connection, EntityManager or Session belongs to one test, so it cannot be "
                    + "injected into " + context.getDisplayName() + ": inject DataSource or EntityManagerFactory there instead.");
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestScope.class, type -> {
            try {
                return new TestScope(run.database(), run.config().isolation(), run.config().settings().keepFailed(),
                        run.config().settings().freshPoolSize());
            } catch (SQLException e) {
                throw new DatabaseTestException("Could not start the test's transaction on " + run.engine().displayName()
                        + ": " + e.getMessage(), e);
            }
        }, TestScope.class);
    }

    /** The scope already begun for {@code context}'s test, if any. */
    static TestScope existing(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(TestScope.class, TestScope.class);
    }

    /** A new connection for the test: a view of its transaction, or a plain connection without one. */
    public Connection connection() throws SQLException {
        if (transaction != null) {
            return transaction.newView(true);
        }
        Connection connection = database.dataSource().getConnection();
        resources.push(connection);
        return connection;
    }

    /**
     * A new connection for the test with auto-commit off: a view of its transaction in manual mode, or, without one, a
     * plain connection whose uncommitted work is rolled back when the test ends.
     */
    public Connection manualConnection() throws SQLException {
        if (transaction != null) {
            return transaction.newView(false);
        }
        Connection connection = database.dataSource().getConnection();
        resources.push(() -> {
            try (connection) {
                if (!connection.isClosed() && !connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
        });
        connection.setAutoCommit(false);
        return connection;
    }

    /** The test's session (also its EntityManager), opened on first use. */
    public Session session() {
        if (session == null) {
            session = TestSession.open(database.sessionFactory());
        }
        return session.session();
    }

    /**
     * The class's migrations on an empty database of their own, created on first use and dropped after the test.
     */
    public Migrations migrations(EngineRun run) {
        if (migrations == null) {
            ResolvedMigrations resolved = SchemaSetup.migrationsFor(run.engine(), run.config());
            DatabaseInstance own = database.emptySibling("m");
            resources.push(own);
            migrations = io.github.dbtestkit.internal.migration.RunnerMigrations.of(resolved, own.dataSource());
        }
        return migrations;
    }

    /**
     * Ends a failed test: as {@link #close()}, but under {@code dbtestkit.keep-failed} its copy is kept, its
     * transaction committed there.
     *
     * @return what was kept and how to open it; empty when nothing is kept
     */
    java.util.Optional<String> closeFailed(String test, java.nio.file.Path keptDir) throws Exception {
        if (keptIfFailed == null) {
            close();
            return java.util.Optional.empty();
        }
        try {
            closeResources();
        } catch (Exception e) {
            keptIfFailed.close();
            throw e;
        }
        return java.util.Optional.of(keptIfFailed.keep(test, keptDir));
    }

    /** Ends the test: closes its session and connections, then rolls back its transaction. */
    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        try {
            closeResources();
        } finally {
            if (keptIfFailed != null) {
                keptIfFailed.close();
            }
        }
    }

    /** SQLSTATE class 08 (connection exception) or 57P (the server shut down or ended the session). */
    private static boolean serverGone(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private void closeResources() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        Exception failure = null;
        try {
            if (session != null) {
                session.close();
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        try {
            if (transaction != null && keptIfFailed == null) {
                // a kept copy's transaction is the copy's to end: rolled back, or committed when the test failed
                try {
                    transaction.close();
                } catch (SQLException e) {
                    throw serverGone(e) ? new DatabaseTestException(database.engine().displayName()
                            + " stopped during the test, so its transaction could not be rolled back: " + e.getMessage()
                            + " — the server was stopped or killed (out of memory, a crash, kill -9); the tests that follow"
                            + " fail at once, and the server's log or the system log says why.", e) : e;
                }
            }
            if (freshCopy != null) {
                freshCopy.close();
            }
        } finally {
            turn.close();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
