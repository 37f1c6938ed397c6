package io.github.dbtestkit.benchmarks.migration;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.SchemaMode;
import io.github.dbtestkit.benchmarks.harness.FirstBody;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The baseline of {@code migration-reuse}: a class with {@code schema = NONE} and the same one test as the migrated
 * classes (minus the query), so that its time from class start to first test is what dbtestkit costs a class that
 * needs no schema at all. After its first run its database is cached like any other.
 *
 * <pre>{@code
 * launcher.run(NoSchemaTest.class, Map.of("dbtestkit.engines", "h2")).classSetup();
 * }</pre>
 */
@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, schema = SchemaMode.NONE)
public class NoSchemaTest {

    @Test
    void firstTest(Connection connection) throws SQLException {
        FirstBody.reached();
        connection.getMetaData();
    }
}
