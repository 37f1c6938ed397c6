package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The first PostgreSQL test of a fresh JVM in a project with Flyway migrations (eight, Spring Boot style: snake_case
 * tables, a view, a trigger, seed rows), run by {@link WarmStartChild}: cold with an empty template cache, warm with
 * the cache an earlier JVM left.
 */
@DatabaseTest(engines = Engine.POSTGRESQL, migrations = "classpath:bench-warmstart/db/migration")
public class MigratedPostgresFirstTest {

    @Test
    void firstTest(Connection connection) throws SQLException {
        FirstTestMarker.reached();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from tag")) {
            rs.next();
            if (rs.getInt(1) != 4) {
                throw new AssertionError("expected the 4 seeded tags, found " + rs.getInt(1));
            }
        }
    }
}
