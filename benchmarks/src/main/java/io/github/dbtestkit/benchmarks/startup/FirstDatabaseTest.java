package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.workload.BenchRow;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The measured side of time to first test: a fresh JVM running one {@code @DatabaseTest} with the defaults a user
 * gets (schema from the entity, validated, ROLLBACK isolation). Its body starts once the engine is up and the schema is
 * applied. The child picks the engine with {@code dbtestkit.engines}.
 *
 * <pre>{@code
 * java -cp <classpath> io.github.dbtestkit.benchmarks.startup.FirstTestChild h2 <report-dir>
 * }</pre>
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = BenchRow.class)
public class FirstDatabaseTest {

    @Test
    void firstTest(Connection connection) throws SQLException {
        FirstTestMarker.reached();
        InsertOneRow.into(connection, 1);
    }
}
