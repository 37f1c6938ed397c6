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
 * H2 in memory: each database is {@code jdbc:h2:mem:<name>;DB_CLOSE_DELAY=-1}, which lives until it is shut down, so
 * every connection to the URL sees the same data. There is no process: "starting" checks the driver and reads its
 * version.
 */
final class H2Server extends InMemoryServer {


    private H2Server(String version) {
        super(EngineKind.H2, version, "jdbc:h2:mem:");
    }

    static H2Server start() {
        JdbcDriver.H2.require(ClassPresence.onClasspath());
        // An unnamed in-memory database is private to its connection and vanishes with it.
        DriverDataSource probe = new DriverDataSource(JdbcDriver.H2, "jdbc:h2:mem:", new Properties());
        try (Connection connection = probe.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductVersion();
            return new H2Server(product.split(" ")[0]);
        } catch (SQLException e) {
            throw new ProvisioningException("H2 (in-memory) did not start: " + e.getMessage(), e);
        }
    }

    @Override
    DatabaseInstance open(String name) throws SQLException {
        H2Database database = new H2Database(name, instances);
        // Connecting once creates it; DB_CLOSE_DELAY=-1 keeps it after that connection closes.
        try (Connection ignored = database.dataSource().getConnection()) {
            return database;
        }
    }

    /**
     * Replays H2's {@code SCRIPT} (schema, data and sequence values as SQL) statement by statement into the copy; no
     * file is written.
     */
    @Override
    void copy(DatabaseInstance template, DatabaseInstance copy) throws SQLException {
        try (Connection source = template.dataSource().getConnection();
             Statement script = source.createStatement();
             ResultSet statements = script.executeQuery("SCRIPT");
             Connection target = copy.dataSource().getConnection();
             Statement replay = target.createStatement()) {
            while (statements.next()) {
                replay.execute(statements.getString(1));
            }
        }
    }
}
