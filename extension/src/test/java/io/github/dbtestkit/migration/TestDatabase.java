package io.github.dbtestkit.migration;

import io.github.dbtestkit.Engine;
import org.h2.jdbcx.JdbcDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty in-memory database for one test, until the engine layer provides them: H2 kept open by
 * DB_CLOSE_DELAY and dropped on close; SQLite shared-cache memory kept alive by one connection, foreign keys on.
 */
final class TestDatabase implements AutoCloseable {

    private final Engine engine;
    private final DataSource dataSource;
    private final Connection keepAlive;

    private TestDatabase(Engine engine, DataSource dataSource, Connection keepAlive) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.keepAlive = keepAlive;
    }

    static TestDatabase create(Engine engine) {
        String name = "migrations_" + UUID.randomUUID().toString().replace("-", "");
        try {
            switch (engine) {
                case H2 -> {
                    JdbcDataSource h2 = new JdbcDataSource();
                    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
                    return new TestDatabase(engine, h2, h2.getConnection());
                }
                case SQLITE -> {
                    SQLiteConfig config = new SQLiteConfig();
                    config.enforceForeignKeys(true);
                    SQLiteDataSource sqlite = new SQLiteDataSource(config);
                    sqlite.setUrl("jdbc:sqlite:file:" + name + "?mode=memory&cache=shared");
                    return new TestDatabase(engine, sqlite, sqlite.getConnection());
                }
                default -> throw new IllegalArgumentException(engine + " is not available to these tests yet");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Engine engine() {
        return engine;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs one statement and returns the first column of the first row, or null. */
    Object queryValue(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (engine == Engine.H2) {
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
        keepAlive.close();
    }
}
