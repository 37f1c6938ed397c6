package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.EngineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One H2 in-memory database; closing it runs {@code SHUTDOWN}, which closes its connections and discards it. The
 * connection that created it stays open as its <em>keeper</em>: copying into the database and the {@code SHUTDOWN}
 * run on it, so a {@code FRESH_DATABASE} copy opens two connections fewer (each new H2 connection parses its URL and
 * hashes the password, a good part of a copy's cost).
 */
final class H2Database extends DriverDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);
    private static final String USER = "sa";

    private final OpenInstances owner;
    private volatile Connection keeper;

    H2Database(String name, OpenInstances owner) {
        super(EngineKind.H2, name, new DriverDataSource(JdbcDriver.H2, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                credentials()), USER, "");
        this.owner = owner;
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", "");
        return properties;
    }

    /** Connects once, which creates the database, and keeps that connection; {@code DB_CLOSE_DELAY=-1} keeps it anyway. */
    H2Database create() throws SQLException {
        keeper = driverDataSource().getConnection();
        return this;
    }

    /**
     * The connection that created the database, for dbtestkit's own work on it (never handed to a test, so never in a
     * test's transaction); a new connection if it was closed (a test ran {@code SHUTDOWN} itself, say). The caller
     * must not close it.
     */
    Connection keeper() throws SQLException {
        Connection connection = keeper;
        if (connection == null || connection.isClosed()) {
            connection = driverDataSource().getConnection();
            keeper = connection;
        }
        return connection;
    }

    @Override
    void drop() {
        try (Statement statement = keeper().createStatement()) {
            statement.execute("SHUTDOWN");
            LOG.debug("Dropped H2 database {}", name());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop H2 database {}: {}", name(), e.getMessage());
        } finally {
            driverDataSource().close();
            owner.release(name());
        }
    }
}
