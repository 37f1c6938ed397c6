package io.github.dbtestkit.schema.support;

import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import org.h2.jdbcx.JdbcDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database on one engine for one test case: H2 and SQLite in memory, PostgreSQL as a new database on
 * the test JVM's embedded server, provided by core's {@link DatabaseProvisioner}. Closing it drops the in-memory ones.
 *
 * <pre>{@code
 * try (TestDb db = TestDb.create(EngineKind.SQLITE)) { db.execute("create table t (id integer)"); }
 * }</pre>
 */
public final class TestDb implements AutoCloseable {

    // One embedded PostgreSQL for the test JVM, from core: started on first use, stopped by the provisioner's
    // shutdown hook when the JVM exits (with every database on it).
    private static final DatabaseProvisioner POSTGRESQL = new DatabaseProvisioner(PostgresSettings.defaults());

    private final EngineKind engine;
    private final DataSource dataSource;
    private final Connection keepAlive;

    private TestDb(EngineKind engine, DataSource dataSource, Connection keepAlive) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.keepAlive = keepAlive;
    }

    /** A new empty database. */
    public static TestDb create(EngineKind engine) {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        try {
            return switch (engine) {
                case H2 -> {
                    JdbcDataSource ds = new JdbcDataSource();
                    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
                    yield new TestDb(engine, ds, null);
                }
                case SQLITE -> {
                    SQLiteConfig config = new SQLiteConfig();
                    config.enforceForeignKeys(true);
                    SQLiteDataSource ds = new SQLiteDataSource(config);
                    ds.setUrl("jdbc:sqlite:file:" + name + "?mode=memory&cache=shared");
                    // A shared-cache memory database lives only while a connection to it is open.
                    yield new TestDb(engine, ds, ds.getConnection());
                }
                case POSTGRESQL -> new TestDb(engine, POSTGRESQL.server(engine).createDatabase(name).dataSource(), null);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a " + engine + " database: " + e.getMessage(), e);
        }
    }

    public EngineKind engine() {
        return engine;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs statements separated by {@code ;} at line ends. */
    public void execute(String script) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : script.split(";\\s*(\\n|$)")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DDL failed on " + engine + ": " + e.getMessage() + "\n" + script, e);
        }
    }

    @Override
    public void close() {
        try {
            if (engine == EngineKind.H2) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
            if (keepAlive != null) {
                keepAlive.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the " + engine + " database: " + e.getMessage(), e);
        }
    }
}
