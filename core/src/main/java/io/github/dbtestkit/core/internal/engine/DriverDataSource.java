package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.Secrets;
import org.apiguardian.api.API;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A {@link DataSource} that opens a physical connection per call through a JDBC driver class, and remembers the
 * connections it handed out so that dropping the database can close the ones still open.
 *
 * <p>The driver is reached through its class rather than {@code DriverManager}, so it works whatever class loader
 * loaded the driver, and no driver type appears in dbtestkit's own signatures (the drivers are optional).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DriverDataSource implements DataSource {

    private final Driver driver;
    private final String url;
    private final Properties properties;
    private final List<Connection> handedOut = new ArrayList<>();
    /** How messages name the server behind this URL, e.g. {@code PostgreSQL (embedded)}; {@code null} to pass the driver's failures on as they are. */
    private final String server;
    private volatile int loginTimeout;
    private volatile boolean closed;

    DriverDataSource(JdbcDriver jdbcDriver, String url, Properties properties) {
        this(jdbcDriver.instantiate(), url, properties, null);
    }

    /**
     * A data source of a database on a server that answered when it was created: a connection refused later means the
     * server went away during the run, and the failure says so, naming {@code server} (e.g. {@code PostgreSQL (embedded)}).
     */
    DriverDataSource(JdbcDriver jdbcDriver, String url, Properties properties, String server) {
        this(jdbcDriver.instantiate(), url, properties, server);
    }

    private DriverDataSource(Driver driver, String url, Properties properties, String server) {
        this.driver = driver;
        this.url = url;
        this.properties = (Properties) properties.clone();
        this.server = server;
    }

    /**
     * A data source over a driver someone else loaded (the CLI loads drivers from the user's class path, which
     * {@code DriverManager} would refuse), with these credentials; either may be {@code null}.
     */
    public static DriverDataSource of(Driver driver, String url, String username, String password) {
        Properties credentials = new Properties();
        if (username != null) {
            credentials.setProperty("user", username);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return new DriverDataSource(driver, url, credentials, null);
    }

    String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open(properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties withUser = (Properties) properties.clone();
        withUser.setProperty("user", username);
        withUser.setProperty("password", password);
        return open(withUser);
    }

    private Connection open(Properties props) throws SQLException {
        if (closed) {
            throw new SQLException("The database at " + Secrets.maskUrl(url) + " was dropped: it hands out no more connections.");
        }
        Connection connection;
        try {
            connection = driver.connect(url, props);
        } catch (SQLException e) {
            throw server != null && isUnreachable(e) ? unreachable(e, props) : e;
        }
        if (connection == null) {
            throw new SQLException("The driver " + driver.getClass().getName() + " does not accept the URL " + Secrets.maskUrl(url));
        }
        synchronized (handedOut) {
            if (!closed) {
                handedOut.removeIf(DriverDataSource::isClosed);
                handedOut.add(connection);
                return connection;
            }
        }
        // Dropped while this connection was being opened: it must not keep the database alive.
        connection.close();
        throw new SQLException("The database at " + Secrets.maskUrl(url) + " was dropped: it hands out no more connections.");
    }

    /**
     * Closes every connection handed out that is still open and refuses new ones, so that nothing recreates a dropped
     * in-memory database by connecting to its URL; never throws.
     */
    void close() {
        List<Connection> open;
        synchronized (handedOut) {
            closed = true;
            open = new ArrayList<>(handedOut);
            handedOut.clear();
        }
        for (Connection connection : open) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // The database is being dropped: a connection that cannot close cleanly is gone anyway.
            }
        }
    }

    /** SQLSTATE class 08 (connection exception), or a socket error under the driver's exception. */
    static boolean isUnreachable(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The server answered when this database was created, so a refused connection now means it stopped during the
     * run (killed by the out-of-memory killer, a crash, {@code kill -9}): say that, rather than only the driver's
     * "check the hostname and port". The password is scrubbed from the driver's text.
     */
    private SQLException unreachable(SQLException e, Properties props) {
        String reason = Secrets.scrub(Secrets.maskUrl(String.valueOf(e.getMessage())), props.getProperty("password", ""));
        return new SQLException(server + " at " + Secrets.maskUrl(url) + " stopped or cannot be reached: " + reason
                + " — it was running earlier in this run, so it was stopped or killed since (out of memory, a crash, kill -9);"
                + " the tests that follow fail the same way. Look for the reason in the server's log or the system log.",
                e.getSQLState(), e);
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through SLF4J.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("No java.util.logging logger: dbtestkit logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "DataSource[" + Secrets.maskUrl(url) + "]";
    }
}
