package io.github.dbtestkit;

import io.github.dbtestkit.core.PostgresSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second run with unchanged migrations copies the template the first run migrated: its Flyway history was written
 * before the second run began. Each {@link TestKit} execution is a whole run, with its own cluster, as a second
 * {@code mvn test} is.
 */
class WarmStartTest {

    @TempDir
    Path cache;

    static final AtomicReference<Instant> FIRST_INSTALLED = new AtomicReference<>();

    @DatabaseTest(engines = Engine.POSTGRESQL, migrations = "classpath:migration-fixtures/flyway/shop")
    static class MigratedShop {

        @Test
        void readsWhenItsMigrationsRan(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select min(installed_on) from flyway_schema_history")) {
                rs.next();
                Timestamp installed = rs.getTimestamp(1);
                FIRST_INSTALLED.set(installed.toInstant());
            }
            // the schema is there and empty, as after any migration
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from users")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void theSecondRunSkipsTheMigrations() throws InterruptedException {
        Map<String, String> configuration = Map.of(PostgresSettings.TEMPLATE_CACHE_DIR, cache.toString(),
                PostgresSettings.PROVIDER, "embedded");
        EngineExecutionResults first = TestKit.run(MigratedShop.class, configuration);
        assertThat(TestKit.failures(first)).isEmpty();
        Instant firstMigration = FIRST_INSTALLED.get();

        Thread.sleep(20);
        Instant secondRunStart = Instant.now();
        EngineExecutionResults second = TestKit.run(MigratedShop.class, configuration);
        assertThat(TestKit.failures(second)).isEmpty();
        assertThat(second.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(FIRST_INSTALLED.get()).as("the second run's history is the first run's: migrations were not run again")
                .isEqualTo(firstMigration).isBefore(secondRunStart);
    }

    @Test
    void withTheCacheOffEveryRunMigrates() throws InterruptedException {
        Map<String, String> configuration = Map.of(PostgresSettings.TEMPLATE_CACHE, "false",
                PostgresSettings.TEMPLATE_CACHE_DIR, cache.toString(), PostgresSettings.PROVIDER, "embedded");
        assertThat(TestKit.failures(TestKit.run(MigratedShop.class, configuration))).isEmpty();
        Thread.sleep(20);
        Instant secondRunStart = Instant.now();
        assertThat(TestKit.failures(TestKit.run(MigratedShop.class, configuration))).isEmpty();
        assertThat(FIRST_INSTALLED.get()).isAfter(secondRunStart);
    }
}
