package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.internal.migration.MigrationException;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.core.EngineKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationChecksTest {

    private final MigrationChecks checks = MigrationChecks.standard();

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "flyway/shop, H2", "flyway/shop, SQLITE",
            "liquibase/xml/changelog.xml, H2", "liquibase/xml/changelog.xml, SQLITE",
            "liquibase/yaml/changelog.yaml, SQLITE", "liquibase/sql/changelog.sql, H2",
            "flyway/shop, POSTGRESQL", "liquibase/xml/changelog.xml, POSTGRESQL", "liquibase/yaml/changelog.yaml, POSTGRESQL"})
    void goodMigrationsPassTheApplyAndDuplicateChecks(String fixture, EngineKind engine) throws Exception {
        ResolvedMigrations migrations = Fixtures.resolve(fixture, engine);

        try (TestDatabase once = TestDatabase.create(engine); TestDatabase stepwise = TestDatabase.create(engine);
             TestDatabase duplicates = TestDatabase.create(engine)) {
            checks.appliesFromEmpty(migrations, once.dataSource()).assertPassed();
            checks.appliesOneAtATime(migrations, stepwise.dataSource()).assertPassed();
            checks.hasNoDuplicateVersions(migrations, duplicates.dataSource()).assertPassed();
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "liquibase/xml/changelog.xml, H2", "liquibase/xml/changelog.xml, SQLITE",
            "liquibase/yaml/changelog.yaml, H2", "liquibase/sql/changelog.sql, SQLITE",
            "liquibase/portable/changelog.xml, H2", "liquibase/portable/changelog.xml, SQLITE",
            "liquibase/sql/changelog.sql, POSTGRESQL", "liquibase/portable/changelog.xml, POSTGRESQL"})
    void goodChangelogsSurviveTheRollbackRoundTrip(String fixture, EngineKind engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine)) {
            CheckResult result = checks.rollbackRoundTrip(Fixtures.resolve(fixture, engine), database.dataSource());

            assertThat(result.passed()).as(result.message()).isTrue();
        }
    }

    @Test
    void aBrokenScriptFailsApplyingFromEmptyWithTheMigrationsMessage() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            CheckResult result = checks.appliesFromEmpty(Fixtures.resolve("flyway/broken", EngineKind.SQLITE),
                    database.dataSource());

            assertThatThrownBy(result::assertPassed)
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Migration check failed for classpath:migration-fixtures/flyway/broken on SQLite: every "
                            + "migration applies to an empty database.\n"
                            + "  - Migration V2__add_email.sql (version 2) failed on SQLite at line 3: ALTER TABLE users "
                            + "ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT — [SQLITE_ERROR] SQL error or missing "
                            + "database (incomplete input).");
        }
    }

    @Test
    void aRepeatableMigrationThatNeedsALaterVersionFailsOnlyOneAtATime() throws Exception {
        ResolvedMigrations aheadOfItself = Fixtures.resolve("flyway/repeatable-ahead", EngineKind.H2);

        try (TestDatabase once = TestDatabase.create(EngineKind.H2); TestDatabase stepwise = TestDatabase.create(EngineKind.H2)) {
            CheckResult fromEmpty = checks.appliesFromEmpty(aheadOfItself, once.dataSource());
            CheckResult oneAtATime = checks.appliesOneAtATime(aheadOfItself, stepwise.dataSource());

            assertThat(fromEmpty.passed()).isTrue();
            assertThat(oneAtATime.problems()).singleElement().asString()
                    .startsWith("Step 1 of 2 (version 1 on top of an empty database): Migration R__user_emails_view.sql "
                            + "(repeatable) failed on H2 at line 2: CREATE VIEW user_emails AS SELECT id, email FROM "
                            + "users — Column \"EMAIL\" not found");
        }
    }

    @Test
    void aBrokenChangesetFailsOneAtATimeNamingTheStep() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            CheckResult result = checks.appliesOneAtATime(Fixtures.resolve("liquibase/broken/changelog.xml", EngineKind.SQLITE),
                    database.dataSource());

            assertThat(result.problems()).containsExactly("Step 2 of 2 (version 2 on top of version 1): Migration "
                    + "migration-fixtures/liquibase/broken/changelog.xml (changeset 2 by dba) failed on SQLite: ALTER "
                    + "TABLE users ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT — [SQLITE_ERROR] SQL error or missing "
                    + "database (incomplete input).");
        }
    }

    @Test
    void duplicateFlywayVersionsAreFound() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            CheckResult result = checks.hasNoDuplicateVersions(Fixtures.resolve("flyway/duplicate", EngineKind.H2),
                    database.dataSource());

            assertThat(result.check()).isEqualTo("no two migrations share a version");
            assertThat(result.problems()).singleElement().asString()
                    .startsWith("Found more than one migration with version 1")
                    .contains("V1__create_users.sql", "V1__create_orders.sql");
        }
    }

    @Test
    void duplicateLiquibaseChangesetsAreFound() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            CheckResult result = checks.hasNoDuplicateVersions(
                    Fixtures.resolve("liquibase/duplicate/changelog.xml", EngineKind.SQLITE), database.dataSource());

            assertThat(result.problems()).containsExactly(
                    "Changeset migration-fixtures/liquibase/duplicate/changelog.xml::1::dba appears 2 times: Liquibase "
                            + "refuses a changelog whose changesets share id, author and file; give each its own id.");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void aLossyRollbackIsFoundBySchemaComparison(EngineKind engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine)) {
            CheckResult result = checks.rollbackRoundTrip(
                    Fixtures.resolve("liquibase/lossy-rollback/changelog.xml", engine), database.dataSource());

            assertThat(result.problems()).hasSize(2);
            assertThat(result.problems().get(0))
                    .startsWith("After rolling back all 2 changesets the schema is not empty again (expected: the empty"
                            + " schema; actual: after the rollback):\n      ")
                    .containsIgnoringCase("users: UNMAPPED_TABLE — Table users exists in the database under test");
            assertThat(result.problems().get(1))
                    .startsWith("After updating again the schema differs from the first update (expected: after the"
                            + " first update; actual: after the round trip):\n      ")
                    .containsIgnoringCase("users.old_email: UNMAPPED_COLUMN — ")
                    .doesNotContainIgnoringCase("users.email");
        }
    }

    @Test
    void aChangesetWithoutRollbackFailsTheRoundTripNamingIt() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            CheckResult result = checks.rollbackRoundTrip(
                    Fixtures.resolve("liquibase/no-rollback/changelog.xml", EngineKind.H2), database.dataSource());

            assertThat(result.problems()).containsExactly("Rollback step 1 of 2 (changeset 2): Rolling back migration "
                    + "migration-fixtures/liquibase/no-rollback/changelog.xml (changeset 2 by dba) failed on H2: No "
                    + "inverse to liquibase.change.core.RawSQLChange created.");
        }
    }

    @Test
    void theRollbackRoundTripIsRefusedForFlyway() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            assertThatThrownBy(() -> checks.rollbackRoundTrip(Fixtures.resolve("flyway/shop", EngineKind.H2),
                    database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("The rollback round trip is a Liquibase check: classpath:migration-fixtures/flyway/shop "
                            + "is a Flyway folder, and Flyway's undo migrations are not in its free edition.");
        }
    }

    @Test
    void aCheckRefusesADatabaseThatIsNotEmpty() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            database.execute("CREATE TABLE leftover (id INTEGER)");

            assertThatThrownBy(() -> checks.appliesFromEmpty(Fixtures.resolve("flyway/shop", EngineKind.SQLITE),
                    database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("A migration check needs an empty database, but the one given for "
                            + "classpath:migration-fixtures/flyway/shop on SQLite holds the tables leftover.");
        }
    }
}
