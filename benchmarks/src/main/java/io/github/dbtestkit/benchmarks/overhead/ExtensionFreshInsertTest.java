package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Isolation;
import io.github.dbtestkit.benchmarks.workload.BenchRow;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@link ExtensionInsertTest} with {@code Isolation.FRESH_DATABASE}: each test gets a new database with the schema
 * already applied (a clone of a template), and inserts one row through the injected {@link Connection}.
 *
 * <pre>{@code
 * Invocations.set(100);
 * launcher.run(ExtensionFreshInsertTest.class, Map.of("dbtestkit.engines", "h2"));
 * }</pre>
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = BenchRow.class,
        isolation = Isolation.FRESH_DATABASE)
public class ExtensionFreshInsertTest {

    @ParameterizedTest
    @MethodSource(Invocations.SOURCE)
    void insertsOneRow(long id, Connection connection) throws SQLException {
        InsertOneRow.into(connection, id);
    }
}
