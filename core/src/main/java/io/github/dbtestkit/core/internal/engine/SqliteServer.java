package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.EngineKind;

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
final class SqliteServer extends InMemoryServer {


    private SqliteServer(String version) {
        super(EngineKind.SQLITE, version, "jdbc:sqlite:file:");
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
            throw new ProvisioningException("SQLite (in-memory) did not start: " + e.getMessage(), e);
        }
    }

    @Override
    DatabaseInstance open(String name) throws SQLException {
        return SqliteDatabase.open(name, instances);
    }

    /**
     * Copies page by page with SQLite's online backup API (sqlite-jdbc's {@code restore from}), which works between
     * shared-cache memory databases and keeps everything, {@code sqlite_sequence} included.
     */
    @Override
    void copy(DatabaseInstance template, DatabaseInstance copy) throws SQLException {
        ((SqliteDatabase) copy).restoreFrom(SqliteDatabase.uri(template.name()));
    }
}
