package io.github.dbtestkit;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SchemaMode.MIGRATIONS through @DatabaseTest: applied once per checksum, failures named, Migrations injected. */
class MigrationsModeTest {

    static final List<String> seen = new ArrayList<>();

    static String emails(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from users where email is not null")) {
            rs.next();
            return "emails=" + rs.getInt(1);
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, migrations = "classpath:migration-fixtures/flyway/shop")
    static class FlywayShop {
        @Test
        void migratedSchemaIsThere(DataSource ds, TestDatabase db) throws SQLException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into users(id, name, email) values (1, 'ada', 'ada@example.com')");
            }
            seen.add(db.engine().id() + " " + emails(ds) + " " + db.jdbcUrl().replaceAll(":\\d+/", ":PORT/"));
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, schema = SchemaMode.MIGRATIONS,
            migrations = "classpath:migration-fixtures/flyway/shop")
    static class SameMigrationsAgain {
        @Test
        void sharesTheMigratedDatabase(DataSource ds, TestDatabase db) throws SQLException {
            seen.add(db.engine().id() + " " + emails(ds) + " " + db.jdbcUrl().replaceAll(":\\d+/", ":PORT/"));
        }
    }

    @Test
    void migrationsAreAppliedOncePerChecksumAndShared() {
        seen.clear();

        // one run, as in a build: its provisioner applies the migrations once and hands the database to both classes
        EngineExecutionResults both = TestKit.run(FlywayShop.class, SameMigrationsAgain.class);

        assertThat(TestKit.failures(both)).isEmpty();
        assertThat(seen).hasSize(6);
        for (int i = 0; i < 3; i++) {
            assertThat(seen.get(i)).contains("emails=1");
            assertThat(seen.get(i + 3)).as("rolled back, same database").contains("emails=0")
                    .endsWith(seen.get(i).substring(seen.get(i).lastIndexOf(' ')));
        }
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, migrations = "classpath:migration-fixtures/flyway/broken")
    static class BrokenMigration {
        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }

    @Test
    void aFailingMigrationFailsEveryTestWithFileVersionStatementAndDatabaseMessage() {
        EngineExecutionResults results = TestKit.run(BrokenMigration.class);

        assertThat(TestKit.failures(results)).hasSize(4).allSatisfy(message -> assertThat(message)
                .contains("Migration V2__add_email.sql (version 2) failed on")
                .contains("ALTER TABLE users ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT"));
    }

    @DatabaseTest(migrations = "classpath:migration-fixtures/no/such/folder")
    static class MissingLocation {
        @Test
        void never() {
        }
    }

    @Test
    void aMissingLocationIsNamed() {
        EngineExecutionResults results = TestKit.run(MissingLocation.class);

        assertThat(TestKit.failures(results)).singleElement().asString().contains("migration-fixtures/no/such/folder");
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, migrations = "classpath:migration-fixtures/flyway/shop")
    static class MigrationTests {
        @Test
        void rowsWrittenAtOneVersionSurviveTheNext(Migrations migrations) throws SQLException {
            assertThat(migrations.versions()).containsExactly("1", "2", "3");
            migrations.migrateTo("1");
            try (Connection c = migrations.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into users(id, name) values (7, 'grace')");
            }
            migrations.migrateAll();
            try (Connection c = migrations.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select name, email from users where id = 7")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("name")).isEqualTo("grace");
                assertThat(rs.getString("email")).isEqualTo("grace@example.com");
            }
        }
    }

    @Test
    void migrationsInjectedOnAnEmptyDatabaseOfTheirOwn() {
        EngineExecutionResults results = TestKit.run(MigrationTests.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
    }

    @DatabaseTest(schema = SchemaMode.NONE, migrations = "classpath:migration-fixtures/flyway/broken")
    static class BrokenMigrationTests {
        @Test
        void unknownVersion(Migrations migrations) {
            assertThatThrownBy(() -> migrations.migrateTo("9"))
                    .isExactlyInstanceOf(DatabaseTestException.class)
                    .hasMessage("Unknown migration version '9' for classpath:migration-fixtures/flyway/broken on H2: the"
                            + " versions are 1, 2.");
        }

        @Test
        void failingMigration(Migrations migrations) {
            assertThatThrownBy(migrations::migrateAll)
                    .isExactlyInstanceOf(DatabaseTestException.class)
                    .hasMessageContaining("Migration V2__add_email.sql (version 2) failed on H2");
        }
    }

    @Test
    void migrationsThatFailReachTheTestAsDatabaseTestException() {
        EngineExecutionResults results = TestKit.run(BrokenMigrationTests.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
    }
}
