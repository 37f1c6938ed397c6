package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.workload.BenchRow;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The measured side: many tests, each inserting one row through the injected {@link Connection}, each in its own
 * transaction that dbtestkit rolls back ({@code Isolation.ROLLBACK}, the default). The harness picks the engine of a
 * run with {@code dbtestkit.engines}.
 *
 * <pre>{@code
 * Invocations.set(1000);
 * launcher.run(ExtensionInsertTest.class, Map.of("dbtestkit.engines", "sqlite"));
 * }</pre>
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = BenchRow.class)
public class ExtensionInsertTest {

    @ParameterizedTest
    @MethodSource(Invocations.SOURCE)
    void insertsOneRow(long id, Connection connection) throws SQLException {
        InsertOneRow.into(connection, id);
    }
}
