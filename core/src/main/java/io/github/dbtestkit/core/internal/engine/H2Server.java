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
        return new H2Database(name, instances).create();
    }

    /**
     * Replays H2's {@code SCRIPT} (schema, data and sequence values as SQL) statement by statement into the copy,
     * on the copy's keeper connection; no file is written. The template is read on a connection of its own, since
     * tests running in parallel copy it at the same time.
     */
    @Override
    void copy(DatabaseInstance template, DatabaseInstance copy) throws SQLException {
        // open() made the copy, so it is an H2Database
        Connection target = ((H2Database) copy).keeper();
        try (Connection source = template.dataSource().getConnection();
             Statement script = source.createStatement();
             ResultSet statements = script.executeQuery("SCRIPT");
             Statement replay = target.createStatement()) {
            while (statements.next()) {
                replay.execute(statements.getString(1));
            }
        }
    }
}
