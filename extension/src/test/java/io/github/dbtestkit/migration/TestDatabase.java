package io.github.dbtestkit.migration;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.config.Settings;
import io.github.dbtestkit.engine.DatabaseInstance;
import io.github.dbtestkit.engine.DatabaseServers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database for one test from the engine layer (H2 and SQLite in memory, PostgreSQL embedded), dropped
 * on close.
 */
final class TestDatabase implements AutoCloseable {

    private final DatabaseInstance instance;

    private TestDatabase(DatabaseInstance instance) {
        this.instance = instance;
    }

    static TestDatabase create(Engine engine) {
        String name = "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return new TestDatabase(DatabaseServers.obtain(engine, Settings.defaults()).createDatabase(name));
    }

    Engine engine() {
        return instance.engine();
    }

    DataSource dataSource() {
        return instance.dataSource();
    }

    /** Runs one statement and returns the first column of the first row, or null. */
    Object queryValue(String sql) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        instance.close();
    }
}
