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
 * H2 in memory: each database is {@code jdbc:h2:mem:<name>;DB_CLOSE_DELAY=-1}, which lives until it is shut down, so
 * every connection to the URL sees the same data. There is no process: "starting" checks the driver and reads its
 * version.
 */
final class H2Server implements DatabaseServer {

    static final String PROVIDER = "in-memory";
    private static final Logger LOG = LoggerFactory.getLogger(H2Server.class);

    private final String version;
    private final OpenInstances instances = new OpenInstances();

    private H2Server(String version) {
        this.version = version;
    }

    static H2Server start() {
        JdbcDriver.H2.require(ClassPresence.onClasspath());
        // An unnamed in-memory database is private to its connection and vanishes with it.
        DriverDataSource probe = new DriverDataSource(JdbcDriver.H2, "jdbc:h2:mem:", new Properties());
        try (Connection connection = probe.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductVersion();
            return new H2Server(product.split(" ")[0]);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 (in-memory) did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public Engine engine() {
        return Engine.H2;
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
        return "jdbc:h2:mem:";
    }

    @Override
    public DatabaseInstance createDatabase(String name) {
        DatabaseNames.requireValid(name);
        instances.claim(name);
        try {
            H2Database database = new H2Database(name, instances);
            // Connecting once creates it; DB_CLOSE_DELAY=-1 keeps it after that connection closes.
            try (Connection ignored = database.dataSource().getConnection()) {
                instances.register(database);
            }
            LOG.debug("Created H2 database {}", name);
            return database;
        } catch (SQLException | RuntimeException e) {
            instances.release(name);
            throw new IllegalStateException("Cannot create H2 database '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * Copies {@code template} with H2's {@code SCRIPT} (schema, data and sequence values as SQL) replayed statement by
     * statement into the new database; no file is written.
     */
    @Override
    public DatabaseInstance cloneDatabase(DatabaseInstance template, String name) {
        DatabaseInstance copy = createDatabase(name);
        try (Connection source = template.dataSource().getConnection();
             Statement script = source.createStatement();
             ResultSet statements = script.executeQuery("SCRIPT");
             Connection target = copy.dataSource().getConnection();
             Statement replay = target.createStatement()) {
            while (statements.next()) {
                replay.execute(statements.getString(1));
            }
        } catch (SQLException | RuntimeException e) {
            copy.close();
            throw new IllegalStateException("Cannot copy H2 database '" + template.name() + "' to '" + name + "': "
                    + e.getMessage(), e);
        }
        LOG.debug("Copied H2 database {} to {}", template.name(), name);
        return copy;
    }

    @Override
    public void close() {
        instances.closeAll();
    }

    @Override
    public String toString() {
        return "H2 " + version + " (" + PROVIDER + ")";
    }
}
