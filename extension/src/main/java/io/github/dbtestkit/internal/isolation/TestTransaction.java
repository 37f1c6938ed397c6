package io.github.dbtestkit.internal.isolation;

import org.apiguardian.api.API;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One test's transaction on one physical connection, rolled back when the test ends. Every connection handed to the
 * test and to code under test is a {@linkplain #newView(boolean) view} of it.
 *
 * <pre>{@code
 * try (TestTransaction tx = TestTransaction.begin(physical, pool::release)) { Connection c = tx.newView(true); ... }
 * }</pre>
 *
 * <p>Views behave like fresh pooled connections, but their commits are contained: a commit moves the <em>commit
 * point</em> (a savepoint) forward; a rollback returns to the last commit point; nothing survives {@link #close()}.
 * Work done through a view in auto-commit mode counts as committed as soon as a view in manual mode does work after
 * it. The commit point starts at the beginning of the transaction and is only materialised as a savepoint when
 * something must be kept, so a test that never commits costs no savepoint at all.
 *
 * <p>All views share the one physical connection, so their work is ordered as it happens: a rollback by one view also
 * undoes uncommitted work that another view did after the last commit point. Not thread-safe by itself; views
 * serialise on it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TestTransaction implements AutoCloseable {

    private final Connection physical;
    private final Consumer<Connection> onClose;
    private final List<ConnectionView> openViews = new ArrayList<>();
    private Savepoint commitPoint;
    private boolean autoCommittedWorkPending;
    private boolean closed;

    private TestTransaction(Connection physical, Consumer<Connection> onClose) {
        this.physical = physical;
        this.onClose = onClose;
    }

    /**
     * Starts a transaction on {@code physical}, which must not be used by anyone else until this closes.
     *
     * @param onClose receives the physical connection after the final rollback (e.g. to return it to a pool)
     */
    public static TestTransaction begin(Connection physical, Consumer<Connection> onClose) throws SQLException {
        if (physical.getAutoCommit()) {
            physical.setAutoCommit(false);
        }
        return new TestTransaction(physical, onClose);
    }

    /**
     * A new connection view, as if fresh from a pool.
     *
     * @param autoCommit the view's initial auto-commit mode; JDBC says new connections start in auto-commit mode
     */
    public synchronized Connection newView(boolean autoCommit) {
        ensureOpen();
        ConnectionView view = new ConnectionView(this, autoCommit);
        openViews.add(view);
        return view.proxy();
    }

    /** The physical connection, for callers that must run work as part of the transaction without a view. */
    Connection physical() {
        return physical;
    }

    synchronized void beforeStatement(boolean viewAutoCommit) throws SQLException {
        ensureOpen();
        if (viewAutoCommit) {
            autoCommittedWorkPending = true;
        } else if (autoCommittedWorkPending) {
            moveCommitPoint();
        }
    }

    synchronized void commit() throws SQLException {
        ensureOpen();
        moveCommitPoint();
    }

    synchronized void rollbackToCommitPoint() throws SQLException {
        ensureOpen();
        if (autoCommittedWorkPending) {
            // auto-committed work since the commit point must survive the rollback
            moveCommitPoint();
        }
        if (commitPoint == null) {
            physical.rollback();
        } else {
            physical.rollback(commitPoint);
        }
    }

    synchronized void viewClosed(ConnectionView view) {
        openViews.remove(view);
    }

    private void moveCommitPoint() throws SQLException {
        if (commitPoint != null) {
            // Release before setting the next one: releasing a savepoint also destroys every later savepoint
            // (PostgreSQL, SQLite, H2). Its work stays part of the transaction, which is what a commit point means.
            physical.releaseSavepoint(commitPoint);
            commitPoint = null;
        }
        commitPoint = physical.setSavepoint();
        autoCommittedWorkPending = false;
    }

    private void ensureOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The test's transaction has ended: connections from the test cannot be used after it.");
        }
    }

    /** Whether {@link #close()} has run. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Commits everything the test did, for a failed test's kept copy ({@code dbtestkit.keep-failed}), then closes as
     * {@link #close()} does. A transaction PostgreSQL aborted after an error keeps what was committed before it.
     */
    public synchronized void commitAndClose() throws SQLException {
        if (closed) {
            return;
        }
        try (java.sql.Statement probe = physical.createStatement()) {
            probe.execute("SELECT 1");
        } catch (SQLException aborted) {
            // "current transaction is aborted": return to the last commit point, which can still be committed
            if (commitPoint != null) {
                physical.rollback(commitPoint);
            }
        }
        physical.commit();
        close();
    }

    /** Rolls back everything the test did, closes every view and hands the physical connection back. */
    @Override
    public synchronized void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        for (ConnectionView view : List.copyOf(openViews)) {
            view.invalidate();
        }
        openViews.clear();
        try {
            physical.rollback();
        } finally {
            onClose.accept(physical);
        }
    }
}
