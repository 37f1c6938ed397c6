package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Baseline (b): the same tests as {@link ExtensionInsertTest} without dbtestkit, on one static connection the harness
 * hands in, each test beginning its transaction, inserting and rolling back as {@link RawJdbcLoop} does. The difference
 * between the two classes is what the extension adds per test; the difference between this class and the raw loop is
 * what JUnit itself costs per test.
 *
 * <pre>{@code
 * PlainJUnitInsertTest.use(connection);
 * launcher.run(PlainJUnitInsertTest.class, Map.of());
 * }</pre>
 */
public class PlainJUnitInsertTest {

    private static volatile Connection connection;

    /** The connection the next runs use; {@code null} to let go of it. */
    static void use(Connection physical) {
        connection = physical;
    }

    @ParameterizedTest
    @MethodSource(Invocations.SOURCE)
    void insertsOneRow(long id) throws SQLException {
        Connection physical = Objects.requireNonNull(connection, "PlainJUnitInsertTest runs inside the harness, which hands it a connection.");
        RawJdbcLoop.oneIteration(physical, id);
    }
}
