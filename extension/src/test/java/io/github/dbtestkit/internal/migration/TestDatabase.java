package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.PostgresSettings;

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

    // One provisioner for these tests' JVM: servers start once; its shutdown hook stops them when the JVM exits.
    private static final DatabaseProvisioner PROVISIONER = new DatabaseProvisioner(PostgresSettings.defaults());

    private final DatabaseInstance instance;

    private TestDatabase(DatabaseInstance instance) {
        this.instance = instance;
    }

    static TestDatabase create(EngineKind engine) {
        String name = "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return new TestDatabase(PROVISIONER.server(engine).createDatabase(name));
    }

    EngineKind engine() {
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
