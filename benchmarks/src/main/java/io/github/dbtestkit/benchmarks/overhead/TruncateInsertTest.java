package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Baseline "truncate after each test", as DBUnit's and Database Rider's clean-up and Django's
 * {@code TransactionTestCase} do: the test commits its work (auto-commit, on one static connection the harness hands
 * in), and every table of the schema is emptied after it ({@code TRUNCATE TABLE}; {@code DELETE FROM} on SQLite, which
 * has no {@code TRUNCATE}). The tables are listed once per class from the connection's metadata.
 *
 * <pre>{@code
 * TruncateInsertTest.use(connection);
 * launcher.run(TruncateInsertTest.class, Map.of());
 * }</pre>
 */
public class TruncateInsertTest {

    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog");

    private static volatile Connection connection;
    private static List<String> tables;

    /** The connection the next runs use (left in auto-commit mode); {@code null} to let go of it. */
    static void use(Connection physical) {
        connection = physical;
    }

    @BeforeAll
    static void listTables() throws SQLException {
        Connection physical = Objects.requireNonNull(connection, "TruncateInsertTest runs inside the harness, which hands it a connection.");
        List<String> found = new ArrayList<>();
        DatabaseMetaData metaData = physical.getMetaData();
        try (ResultSet rows = metaData.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String schema = rows.getString("TABLE_SCHEM");
                if (schema == null || !SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
                    found.add(rows.getString("TABLE_NAME"));
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("TruncateInsertTest found no table to truncate.");
        }
        tables = List.copyOf(found);
    }

    @ParameterizedTest
    @MethodSource(Invocations.SOURCE)
    void insertsOneRow(long id) throws SQLException {
        InsertOneRow.into(connection, id);
    }

    @AfterEach
    void truncateEveryTable() throws SQLException {
        boolean sqlite = connection.getMetaData().getURL().startsWith("jdbc:sqlite:");
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute((sqlite ? "delete from " : "truncate table ") + table);
            }
        }
    }
}
