package io.github.dbtestkit.engine;

import io.github.dbtestkit.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * SQLite in memory. A plain {@code jdbc:sqlite::memory:} gives every connection a database of its own, so each
 * database is a named shared-cache memory database ({@code file:<name>?mode=memory&cache=shared}) that a keep-alive
 * connection holds open for its life. There is no process: "starting" checks the driver and reads its version.
 */
final class SqliteServer implements DatabaseServer {

    static final String PROVIDER = "in-memory";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteServer.class);

    private final String version;
    private final OpenInstances instances = new OpenInstances();

    private SqliteServer(String version) {
        this.version = version;
    }

    static SqliteServer start() {
        JdbcDriver.SQLITE.require(ClassPresence.onClasspath());
        DriverDataSource probe = new DriverDataSource(JdbcDriver.SQLITE, "jdbc:sqlite::memory:", new Properties());
        try (Connection connection = probe.getConnection();
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT sqlite_version()")) {
            version.next();
            return new SqliteServer(version.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite (in-memory) did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public Engine engine() {
        return Engine.SQLITE;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:sqlite:file:";
    }

    @Override
    public DatabaseInstance createDatabase(String name) {
        DatabaseNames.requireValid(name);
        instances.claim(name);
        try {
            SqliteDatabase database = SqliteDatabase.open(name, instances);
            instances.register(database);
            LOG.debug("Created SQLite database {}", name);
            return database;
        } catch (SQLException | RuntimeException e) {
            instances.release(name);
            throw new IllegalStateException("Cannot create SQLite database '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * Copies {@code template} page by page with SQLite's online backup API (sqlite-jdbc's {@code restore from}),
     * which works between shared-cache memory databases and keeps everything, {@code sqlite_sequence} included.
     */
    @Override
    public DatabaseInstance cloneDatabase(DatabaseInstance template, String name) {
        SqliteDatabase copy = (SqliteDatabase) createDatabase(name);
        try {
            copy.restoreFrom(SqliteDatabase.uri(template.name()));
        } catch (SQLException | RuntimeException e) {
            copy.close();
            throw new IllegalStateException("Cannot copy SQLite database '" + template.name() + "' to '" + name + "': "
                    + e.getMessage(), e);
        }
        LOG.debug("Copied SQLite database {} to {}", template.name(), name);
        return copy;
    }

    @Override
    public void close() {
        instances.closeAll();
    }

    @Override
    public String toString() {
        return "SQLite " + version + " (" + PROVIDER + ")";
    }
}
