package io.github.dbtestkit;

import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.fixtures.Comment;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in migration checks switched on with MigrationCheckSuite: each passes on good migrations, fails on bad. */
class MigrationCheckSuiteTest {

    private static final String CHECKS = "classpath:migration-fixtures/checks/";

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class},
            migrations = CHECKS + "flyway/blog/{engine}")
    static class GoodFlyway implements MigrationCheckSuite {
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = {Post.class, Comment.class},
            migrations = CHECKS + "liquibase/blog/changelog.xml")
    static class GoodLiquibase implements MigrationCheckSuite {
    }

    @Test
    void goodFlywayMigrationsPassEveryCheckOnEveryEngineAndSkipTheRollbackCheck() {
        EngineExecutionResults results = TestKit.run(GoodFlyway.class);

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(aborted(results)).filteredOn(skip -> skip.startsWith("5.")).hasSize(3).allSatisfy(skip ->
                assertThat(skip).contains("is a Flyway folder: the rollback round trip is a Liquibase check"));
        assertThat(results.testEvents().succeeded().count()).isEqualTo(15);
    }

    @Test
    void goodLiquibaseMigrationsPassAllSixChecksOnEveryEngine() {
        EngineExecutionResults results = TestKit.run(GoodLiquibase.class);

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(18);
        assertThat(results.testEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName().substring(0, 2)))
                .as("numbered order on each engine")
                .containsExactly("1.", "2.", "3.", "4.", "5.", "6.", "1.", "2.", "3.", "4.", "5.", "6.",
                        "1.", "2.", "3.", "4.", "5.", "6.");
    }

    @DatabaseTest(engines = Engine.POSTGRESQL, entities = {Post.class, Comment.class},
            migrations = CHECKS + "liquibase/blog/changelog.xml")
    static class GoodLiquibaseOnPostgresql implements MigrationCheckSuite {
        @Test
        void stepwiseUnderANameOfMyOwn(MigrationChecker checks) {
            checks.appliesOneAtATime();
        }
    }

    @Test
    void theChecksDropTheDatabasesTheyCreate() throws SQLException {
        // The run's own server stops when the run ends, so the run is pointed at a server of this test's, which outlives
        // it and can be asked afterwards what is left on it.
        try (DatabaseProvisioner own = new DatabaseProvisioner(PostgresSettings.defaults())) {
            DatabaseServer server = own.server(Engine.POSTGRESQL.kind());
            EngineExecutionResults results = TestKit.run(GoodLiquibaseOnPostgresql.class, java.util.Map.of(
                    PostgresSettings.URL, server.jdbcUrl(), PostgresSettings.USERNAME, "postgres"));

            assertThat(TestKit.failures(results)).isEmpty();
            assertThat(results.testEvents().succeeded().count()).as("six checks and the class's own test").isEqualTo(7);
            try (DatabaseInstance probe = server.createDatabase("dbt_probe_checks");
                 Connection connection = probe.dataSource().getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'dbt\\_%'"
                         + " AND datname <> 'dbt_probe_checks'")) {
                List<String> left = new java.util.ArrayList<>();
                while (rows.next()) {
                    left.add(rows.getString(1));
                }
                // the migrated template kept for later runs (dtk_cache_...) is meant to stay on the server
                assertThat(left).as("databases left by the run").isEmpty();
            }
        }
    }

    /** Tests aborted by an assumption (a check that does not apply), with the reason. */
    private static List<String> aborted(EngineExecutionResults results) {
        return results.testEvents().aborted().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""))
                .toList();
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, schema = SchemaMode.NONE,
            migrations = "classpath:migration-fixtures/flyway/broken")
    static class BrokenScript implements MigrationCheckSuite {
    }

    @Test
    void aBrokenScriptFailsCheckOneWithTheMigrationsOwnMessage() {
        List<String> failures = TestKit.failures(TestKit.run(BrokenScript.class));

        assertThat(failures).filteredOn(f -> f.startsWith("1. ")).hasSize(2).anySatisfy(f -> assertThat(f).startsWith(
                "1. every migration applies to an empty database: Migration check failed for classpath:migration-fixtures/"
                        + "flyway/broken on H2: every migration applies to an empty database.\n"
                        + "  - Migration V2__add_email.sql (version 2) failed on H2 at line 3: ALTER TABLE users ADD COLUMN "
                        + "email VARCHAR(200) NOT NULL DEFAULT — Syntax error in SQL statement"));
        assertThat(failures).contains(
                "1. every migration applies to an empty database: Migration check failed for classpath:migration-fixtures/"
                        + "flyway/broken on SQLite: every migration applies to an empty database.\n"
                        + "  - Migration V2__add_email.sql (version 2) failed on SQLite at line 3: ALTER TABLE users ADD "
                        + "COLUMN email VARCHAR(200) NOT NULL DEFAULT — [SQLITE_ERROR] SQL error or missing database "
                        + "(incomplete input).");
    }

    @DatabaseTest(migrations = "classpath:migration-fixtures/flyway/broken")
    static class BrokenScriptMigratedByTheClass implements MigrationCheckSuite {
    }

    @Test
    void underMigrationsModeABrokenScriptFailsEveryCheckWithTheSetupsMessage() {
        List<String> failures = TestKit.failures(TestKit.run(BrokenScriptMigratedByTheClass.class));

        assertThat(failures).hasSize(6).allSatisfy(f -> assertThat(f)
                .contains("Migration V2__add_email.sql (version 2) failed on H2 at line 3"));
    }

    @DatabaseTest(schema = SchemaMode.NONE, migrations = "classpath:migration-fixtures/flyway/repeatable-ahead")
    static class RepeatableAhead implements MigrationCheckSuite {
    }

    @Test
    void aRepeatableThatNeedsALaterVersionPassesCheckOneAndFailsCheckTwoNamingTheStep() {
        EngineExecutionResults results = TestKit.run(RepeatableAhead.class);

        assertThat(aborted(results)).containsExactly(
                "4. the migrated schema matches the entities: Assumption failed: @DatabaseTest on "
                        + RepeatableAhead.class.getName() + " lists no entities: list them in entities = {...} to "
                        + "compare the migrated schema with them.",
                "5. rolling back and updating again gives the same schema: Assumption failed: classpath:"
                        + "migration-fixtures/flyway/repeatable-ahead is a Flyway folder: the rollback round trip is a "
                        + "Liquibase check (Flyway's undo migrations are not in its free edition).",
                "6. the migrated schema equals create_all of the entities: Assumption failed: @DatabaseTest on "
                        + RepeatableAhead.class.getName() + " lists no entities: list them in entities = {...} to "
                        + "compare the migrated schema with them.");
        assertThat(TestKit.failures(results)).singleElement().asString().startsWith(
                "2. the migrations apply one at a time, in order: Migration check failed for classpath:migration-fixtures/"
                        + "flyway/repeatable-ahead on H2: the migrations apply one at a time, in order.\n"
                        + "  - Step 1 of 2 (version 1 on top of an empty database): Migration R__user_emails_view.sql "
                        + "(repeatable) failed on H2 at line 2: CREATE VIEW user_emails AS SELECT id, email FROM users");
    }

    @DatabaseTest(schema = SchemaMode.NONE, migrations = "classpath:migration-fixtures/liquibase/duplicate/changelog.xml")
    static class DuplicateChangesets implements MigrationCheckSuite {
    }

    @Test
    void duplicateChangesetsFailCheckThreeNamingThem() {
        List<String> failures = TestKit.failures(TestKit.run(DuplicateChangesets.class));

        assertThat(failures).filteredOn(f -> f.startsWith("3. ")).singleElement().asString().isEqualTo(
                "3. no two migrations share a version: Migration check failed for classpath:migration-fixtures/liquibase/"
                        + "duplicate/changelog.xml on H2: no two migrations share a version.\n"
                        + "  - Changeset migration-fixtures/liquibase/duplicate/changelog.xml::1::dba appears 2 times: "
                        + "Liquibase refuses a changelog whose changesets share id, author and file; give each its own id.");
    }

    @DatabaseTest(schema = SchemaMode.NONE, validateSchema = false,
            entities = {Post.class, Comment.class},
            migrations = CHECKS + "flyway/blog-drift/{engine}")
    static class DriftedFromEntities implements MigrationCheckSuite {
    }

    @Test
    void aSchemaThatDriftedFromTheEntitiesFailsChecksFourAndSix() {
        List<String> failures = TestKit.failures(TestKit.run(DriftedFromEntities.class));

        assertThat(failures).filteredOn(f -> f.startsWith("4. ")).singleElement().asString()
                .startsWith("4. the migrated schema matches the entities: Migration check failed for "
                        + CHECKS + "flyway/blog-drift/h2 on H2: after migrating, the schema matches the entities "
                        + "[io.github.dbtestkit.fixtures.Comment, io.github.dbtestkit.fixtures.Post].\n  - ")
                .contains("\n  - comments.body: MISSING_COLUMN — ", "\n  - posts.body: LENGTH_MISMATCH — ")
                .doesNotContain("NULLABILITY_MISMATCH"); // a warning, which does not fail the check
        assertThat(failures).filteredOn(f -> f.startsWith("6. ")).singleElement().asString()
                .startsWith("6. the migrated schema equals create_all of the entities: Migration check failed for "
                        + CHECKS + "flyway/blog-drift/h2 on H2: the migrated schema equals create_all of the entities "
                        + "[io.github.dbtestkit.fixtures.Comment, io.github.dbtestkit.fixtures.Post].\n"
                        + "  - COMMENTS.BODY: MISSING_COLUMN — Column COMMENTS.BODY does not exist in the database"
                        + " under test.\n"
                        + "  - POSTS.BODY: LENGTH_MISMATCH — Column POSTS.BODY is CHARACTER VARYING(100) in the database"
                        + " under test, shorter than the reference database's CHARACTER VARYING(255): longer values"
                        + " fail to save.\n"
                        + "  - POSTS.BODY: NULLABILITY_MISMATCH — Column POSTS.BODY is nullable in the database under"
                        + " test but the reference database says not null.\n"
                        + "  - Fix the migrations or the entities, or accept a difference on the class with "
                        + "@AcceptedDifference(\"comments.body: MISSING_COLUMN\") (engines = ... to limit it). The full"
                        + " report: ")
                .endsWith("migrations-h2-DriftedFromEntities.txt.");
    }

    @DatabaseTest(schema = SchemaMode.NONE, migrations = "classpath:migration-fixtures/liquibase/lossy-rollback/changelog.xml")
    static class LossyRollback implements MigrationCheckSuite {
    }

    @Test
    void aLossyRollbackFailsCheckFiveWithWhatWasLeftBehind() {
        List<String> failures = TestKit.failures(TestKit.run(LossyRollback.class));

        assertThat(failures).singleElement().asString()
                .startsWith("5. rolling back and updating again gives the same schema: Migration check failed for "
                        + "classpath:migration-fixtures/liquibase/lossy-rollback/changelog.xml on H2: update, roll back "
                        + "one changeset at a time, update again gives the same schema.\n"
                        + "  - After rolling back all 2 changesets the schema is not empty again (expected: the empty"
                        + " schema; actual: after the rollback):\n"
                        + "      USERS: UNMAPPED_TABLE — Table USERS exists in the database under test but the reference"
                        + " database has no such table.\n"
                        + "  - After updating again the schema differs from the first update (expected: after the first"
                        + " update; actual: after the round trip):\n"
                        + "      USERS.OLD_EMAIL: UNMAPPED_COLUMN — ");
    }

    @DatabaseTest(engines = {Engine.H2, Engine.POSTGRESQL}, schema = SchemaMode.NONE, validateSchema = false,
            entities = {Post.class, Comment.class},
            migrations = CHECKS + "flyway/blog-long-body/h2")
    @AcceptedDifference(value = "posts.body: LENGTH_MISMATCH", reason = "the DBA allows longer posts than the code writes")
    static class AcceptedLongBody implements MigrationCheckSuite {
    }

    @Test
    void anAcceptedDifferencePassesCheckSix() {
        EngineExecutionResults results = TestKit.run(AcceptedLongBody.class);

        assertThat(TestKit.failures(results)).isEmpty();
    }

    @DatabaseTest(schema = SchemaMode.NONE, validateSchema = false,
            entities = {Post.class, Comment.class},
            migrations = CHECKS + "flyway/blog-long-body/{engine}")
    static class UnacceptedLongBody implements MigrationCheckSuite {
    }

    @Test
    void anUnacceptedDifferenceFailsCheckSixSayingHowToAcceptIt() {
        List<String> failures = TestKit.failures(TestKit.run(UnacceptedLongBody.class));

        assertThat(failures).singleElement().asString()
                .contains("\n  - POSTS.BODY: LENGTH_MISMATCH — Column POSTS.BODY is CHARACTER VARYING(500) in the"
                        + " database under test, longer than the reference database's CHARACTER VARYING(255).\n"
                        + "  - Fix the migrations or the entities, or accept a difference on the class with "
                        + "@AcceptedDifference(\"posts.body: LENGTH_MISMATCH\") (engines = ... to limit it). The full"
                        + " report: ")
                .endsWith("migrations-h2-UnacceptedLongBody.txt.");
    }

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, schema = SchemaMode.NONE, validateSchema = false,
            entities = {Post.class, Comment.class},
            migrations = CHECKS + "flyway/blog/{engine}")
    @AcceptedDifference(value = "posts.body: LENGTH_MISMATCH", engines = Engine.SQLITE)
    static class StaleAcceptance implements MigrationCheckSuite {
    }

    @Test
    void anAcceptedDifferenceThatDoesNotOccurFailsCheckSixOnThatEngineOnly() {
        List<String> failures = TestKit.failures(TestKit.run(StaleAcceptance.class));

        assertThat(failures).singleElement().asString().isEqualTo(
                "6. the migrated schema equals create_all of the entities: Migration check failed for " + CHECKS
                        + "flyway/blog/sqlite on SQLite: the migrated schema equals create_all of the entities "
                        + "[io.github.dbtestkit.fixtures.Comment, io.github.dbtestkit.fixtures.Post].\n"
                        + "  - @AcceptedDifference(\"posts.body: LENGTH_MISMATCH\") on " + StaleAcceptance.class.getName()
                        + " does not occur on SQLite: remove it, "
                        + "or limit it to the engines where it does with engines = {...}.");
    }

    @DatabaseTest(schema = SchemaMode.NONE, validateSchema = false,
            entities = {Post.class, Comment.class}, migrations = CHECKS + "flyway/blog/{engine}")
    @AcceptedDifference("posts.body LENGTH")
    static class MalformedAcceptance implements MigrationCheckSuite {
    }

    @Test
    void aMalformedAcceptedDifferenceFailsTheClassOnceWithTheFormToUse() {
        List<String> failures = TestKit.failures(TestKit.run(MalformedAcceptance.class));

        // read with the class's configuration, so the class fails before any check runs
        assertThat(failures).singleElement().satisfies(f -> assertThat(f).contains(
                "@AcceptedDifference(\"posts.body LENGTH\") on " + MalformedAcceptance.class.getName()
                        + " is not of the form \"table.column: KIND\" or \"table: KIND\" with KIND one of MISSING_TABLE, "));
    }

    @DatabaseTest(entities = {Post.class, Comment.class})
    static class NoMigrations implements MigrationCheckSuite {
    }

    @Test
    void aClassWithoutMigrationsIsToldToNameThem() {
        List<String> failures = TestKit.failures(TestKit.run(NoMigrations.class));

        assertThat(failures).hasSize(6).allSatisfy(f -> assertThat(f).contains(
                "Migrations can only be injected into a class with migrations: set @DatabaseTest(migrations = "
                        + "\"classpath:db/migration\") on " + NoMigrations.class.getName()));
    }

    static class NotADatabaseTest implements MigrationCheckSuite {
    }

    @Test
    void outsideADatabaseTestClassTheChecksSayWhatIsMissing() {
        List<String> failures = TestKit.failures(TestKit.run(NotADatabaseTest.class));

        assertThat(failures).hasSize(6).allSatisfy(f -> assertThat(f).contains(
                "MigrationChecker is given to tests of a @DatabaseTest class: annotate " + NotADatabaseTest.class.getName()
                        + " with @DatabaseTest(migrations = \"classpath:db/migration\")"));
    }
}
