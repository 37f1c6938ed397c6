package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Baseline "drop and re-create the schema per test": the schema ({@code bench_row}, as Hibernate creates it) is
 * created before each test and dropped after it, on one static auto-commit connection the harness hands in, and the
 * test commits its work. This is the floor of the approach: the DDL alone, without the Hibernate or Flyway run that
 * usually issues it ({@code hbm2ddl.auto=create-drop} per test, {@code flyway.clean()} + {@code migrate()}).
 *
 * <pre>{@code
 * RecreateSchemaInsertTest.use(connection);
 * launcher.run(RecreateSchemaInsertTest.class, Map.of());
 * }</pre>
 */
public class RecreateSchemaInsertTest {

    private static volatile Connection connection;

    /** The connection the next runs use (left in auto-commit mode, without {@code bench_row}); {@code null} to let go. */
    static void use(Connection physical) {
        connection = physical;
    }

    @BeforeEach
    void createSchema() throws SQLException {
        InsertOneRow.createTable(Objects.requireNonNull(connection, "RecreateSchemaInsertTest runs inside the harness, which hands it a connection."));
    }

    @ParameterizedTest
    @MethodSource(Invocations.SOURCE)
    void insertsOneRow(long id) throws SQLException {
        InsertOneRow.into(connection, id);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table bench_row");
        }
    }
}
