package io.github.dbtestkit;

import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On an external server whose user may not create databases, each database of the run is a schema of the URL's
 * database: ROLLBACK tests, Flyway and Liquibase (their history tables land in that schema) and the injected
 * {@code Migrations} work there, the run says once at WARN what it does instead and which grant avoids it,
 * FRESH_DATABASE fails with that grant, and no schema is left when the run ends.
 */
class NoCreatedbFallbackTest {

    private static final String PASSWORD = "Schema-9d1e-s3cret";
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static PasswordProtectedPostgres server;

    @BeforeAll
    static void startAServerWhereTheUserMayOnlyCreateSchemas() throws SQLException {
        server = PasswordProtectedPostgres.start();
        server.execute("postgres", "CREATE ROLE schema_app LOGIN NOCREATEDB PASSWORD '" + PASSWORD + "'",
                "CREATE DATABASE schema_appdb", "GRANT CREATE ON DATABASE schema_appdb TO schema_app");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @DatabaseTest(engines = Engine.POSTGRESQL, migrations = "classpath:migration-fixtures/flyway/shop")
    static class FlywayInASchema {
        @Test
        void migratesIntoTheRunsSchema(DataSource ds, TestDatabase db) throws SQLException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into users(id, name, email) values (1, 'ada', 'ada@example.com')");
                seen.add("flyway " + single(s, "select current_schema() || ' ' || current_database() || ' '"
                        + " || (select count(*) from flyway_schema_history where success and version is not null) || ' ' || current_user") + " " + db.jdbcUrl());
            }
        }
    }

    @DatabaseTest(engines = Engine.POSTGRESQL, migrations = "classpath:migration-fixtures/liquibase/xml/changelog.xml")
    static class LiquibaseInASchema {
        @Test
        void migratesIntoTheRunsSchema(DataSource ds) throws SQLException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into users(id, name, email) values (1, 'ada', 'ada@example.com')");
                seen.add("liquibase " + single(s, "select current_schema() || ' '"
                        + " || (select count(*) from databasechangelog)"));
            }
        }
    }

    @DatabaseTest(engines = Engine.POSTGRESQL, entities = Post.class, isolation = Isolation.FRESH_DATABASE)
    static class FreshDatabaseInASchema {
        @Test
        void needsACopy() {
        }
    }

    @Test
    void rollbackAndMigrationsRunInASchemaPerDatabaseSaySoOnceAndLeaveNothing() throws SQLException {
        seen.clear();
        Map<String, String> external = Map.of(PostgresSettings.URL, server.url("schema_appdb"),
                PostgresSettings.USERNAME, "schema_app", PostgresSettings.PASSWORD, PASSWORD, "dbtestkit.engines", "postgresql");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        EngineExecutionResults results;
        try {
            results = TestKit.run(external, RollbackIsolationTest.CodeUnderTestCommits.class, FlywayInASchema.class,
                    LiquibaseInASchema.class, MigrationsModeTest.MigrationTests.class);
        } finally {
            System.setErr(err);
        }

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isGreaterThanOrEqualTo(6);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).matches("flyway dbt_postgresql_\\w+ schema_appdb 3 schema_app jdbc:postgresql://127\\.0\\.0\\.1:\\d+"
                + "/schema_appdb\\?currentSchema=dbt_postgresql_\\w+");
        assertThat(seen.get(1)).matches("liquibase dbt_postgresql_\\w+ [1-9]\\d*");
        assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("WARN")))
                .containsExactly("[main] WARN PostgresSchemaServer - PostgreSQL (external) at " + server.url("schema_appdb")
                        + ": user 'schema_app' may not create databases, so each database of this run is a schema of database "
                        + "'schema_appdb' instead, dropped with CASCADE when done (Isolation.FRESH_DATABASE needs databases and "
                        + "fails). For a database per run, grant it: ALTER ROLE schema_app CREATEDB.");
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
        assertThat(server.query("schema_appdb", "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                + " AND nspname <> 'information_schema' ORDER BY nspname")).as("schemas left after the run").containsExactly("public");
        assertThat(server.query("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'dbt\\_%'")).isEmpty();
    }

    @Test
    void freshDatabaseFailsWithTheGrantThatAllowsIt() throws SQLException {
        Map<String, String> external = Map.of(PostgresSettings.URL, server.url("schema_appdb"),
                PostgresSettings.USERNAME, "schema_app", PostgresSettings.PASSWORD, PASSWORD);

        EngineExecutionResults results = TestKit.run(FreshDatabaseInASchema.class, external);

        assertThat(TestKit.failures(results)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                // the pool of ready copies (dbtestkit.postgresql.fresh-pool-size) says whose copy it could not make
                .startsWith("needsACopy(): Could not make a ready copy of dbt_postgresql_")
                .contains("for a FRESH_DATABASE test: Isolation.FRESH_DATABASE needs a copy of 'dbt_postgresql_")
                .contains("but user 'schema_app' may not create databases on " + server.url("schema_appdb")
                        + ", so this run uses a schema per database in database 'schema_appdb'")
                .endsWith("grant it with ALTER ROLE schema_app CREATEDB, use Isolation.ROLLBACK for this class, or set "
                        + "dbtestkit.postgresql.provider=embedded|testcontainers|local.");
        assertThat(server.query("schema_appdb", "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'dbt\\_%'")).isEmpty();
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
