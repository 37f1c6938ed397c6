package io.github.dbtestkit.internal.isolation;

import org.apiguardian.api.API;
import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The {@code DataSource} a test class gets, and the one its Hibernate factories use: while a test runs under
 * {@link io.github.dbtestkit.Isolation#ROLLBACK}, every connection is a view of that test's transaction; otherwise
 * connections are physical, in auto-commit mode.
 *
 * <pre>{@code
 * try (Connection c = routing.getConnection()) { ... } // joins the running test's transaction
 * }</pre>
 *
 * <p>Code under test may use the data source from another thread: a connection request on a thread with no test of
 * its own joins the single running test. If several tests run in parallel on the same database, such a request is
 * ambiguous and fails with a message.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RoutingDataSource implements DataSource {

    private final DataSource physical;
    private final String description;
    private final Set<TestTransaction> active = new LinkedHashSet<>();
    private final ThreadLocal<TestTransaction> current = new ThreadLocal<>();
    private final Set<DataSource> copies = new LinkedHashSet<>();
    private final ThreadLocal<DataSource> currentCopy = new ThreadLocal<>();

    /**
     * @param physical    physical connections to the database
     * @param description the database, for messages (no password)
     */
    public RoutingDataSource(DataSource physical, String description) {
        this.physical = Objects.requireNonNull(physical);
        this.description = description;
    }

    /** Routes connections of the calling thread (and of threads with no test) into {@code transaction}. */
    public synchronized void enter(TestTransaction transaction) {
        active.add(transaction);
        current.set(transaction);
    }

    /** Stops routing into {@code transaction}. */
    public synchronized void leave(TestTransaction transaction) {
        active.remove(transaction);
        if (current.get() == transaction) {
            current.remove();
        }
    }

    /**
     * Sends the calling thread's connection requests (and those of threads with no test) to {@code copy}, one test's
     * own database under {@link io.github.dbtestkit.Isolation#FRESH_DATABASE}. Per thread, like
     * {@link #enter(TestTransaction)}: tests running in parallel each reach their own copy.
     */
    public synchronized void enterCopy(DataSource copy) {
        copies.add(Objects.requireNonNull(copy));
        currentCopy.set(copy);
    }

    /** Stops routing into {@code copy}. */
    public synchronized void leaveCopy(DataSource copy) {
        copies.remove(copy);
        if (currentCopy.get() == copy) {
            currentCopy.remove();
        }
    }

    /** The test's copy a connection request on this thread goes to, or the database itself. */
    private synchronized DataSource target() throws SQLException {
        DataSource own = currentCopy.get();
        if (own != null && copies.contains(own)) {
            return own;
        }
        if (copies.isEmpty()) {
            return physical;
        }
        if (copies.size() == 1) {
            return copies.iterator().next();
        }
        throw new SQLException("Several FRESH_DATABASE tests run in parallel on copies of " + description + ", and this"
                + " thread belongs to none of them: cannot tell which test's copy the connection should reach. Obtain"
                + " connections on the test's thread, or run these tests in the same thread (@Execution(SAME_THREAD)).");
    }

    /** The transaction a connection request on this thread joins, or {@code null} for a physical connection. */
    private synchronized TestTransaction route() throws SQLException {
        TestTransaction own = current.get();
        if (own != null && !own.isClosed()) {
            return own;
        }
        if (active.isEmpty()) {
            return null;
        }
        if (active.size() == 1) {
            return active.iterator().next();
        }
        throw new SQLException("Several tests run in parallel on " + description + ", and this thread belongs to none of them: "
                + "cannot tell which test's transaction the connection should join. Obtain connections on the test's thread, "
                + "or run these tests in the same thread (@Execution(SAME_THREAD)).");
    }

    @Override
    public Connection getConnection() throws SQLException {
        TestTransaction transaction = route();
        if (transaction != null) {
            return transaction.newView(true);
        }
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no logging of its own
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // connections come from the engine's data source
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "dbtestkit DataSource for " + description;
    }
}
