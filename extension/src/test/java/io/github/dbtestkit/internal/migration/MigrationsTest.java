package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void flywayVersionsListEveryVersionedScriptInOrderAppliedOrNot(EngineKind engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine)) {
            Migrations migrations = io.github.dbtestkit.internal.migration.RunnerMigrations.of(Fixtures.resolve("flyway/shop", engine), database.dataSource());

            assertThat(migrations.versions()).containsExactly("1", "2", "3");
            migrations.migrateTo("2");
            assertThat(migrations.versions()).containsExactly("1", "2", "3");
            assertThat(migrations.dataSource()).isSameAs(database.dataSource());
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void flywayRowsWrittenAtOneVersionSurviveTheNext(EngineKind engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine)) {
            Migrations migrations = io.github.dbtestkit.internal.migration.RunnerMigrations.of(Fixtures.resolve("flyway/shop", engine), database.dataSource());

            migrations.migrateTo("2");
            database.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");
            assertThat(database.queryValue("SELECT email FROM users WHERE id = 1")).isNull();
            migrations.migrateAll();

            assertThat(database.queryValue("SELECT email FROM users WHERE id = 1")).isEqualTo("ada@example.com");
        }
    }

    @Test
    void flywayMigrateToStopsAtTheTarget() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            Migrations migrations = io.github.dbtestkit.internal.migration.RunnerMigrations.of(Fixtures.resolve("flyway/shop", EngineKind.H2), database.dataSource());

            migrations.migrateTo("1");

            assertThat(database.queryValue("SELECT COUNT(*) FROM users")).isEqualTo(0L);
            assertThatThrownBy(() -> database.queryValue("SELECT email FROM users"))
                    .hasMessageContaining("EMAIL");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void liquibaseVersionsAreChangesetIdsAndRowsSurviveTheNextChangeset(EngineKind engine) throws Exception {
        try (TestDatabase database = TestDatabase.create(engine)) {
            Migrations migrations = io.github.dbtestkit.internal.migration.RunnerMigrations.of(Fixtures.resolve("liquibase/yaml/changelog.yaml", engine), database.dataSource());

            assertThat(migrations.versions()).containsExactly("1", "2");
            migrations.migrateTo("1");
            database.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");
            assertThatThrownBy(() -> database.queryValue("SELECT email FROM users"))
                    .isInstanceOf(IllegalStateException.class);
            migrations.migrateTo("2");

            assertThat(database.queryValue("SELECT name FROM users WHERE id = 1")).isEqualTo("ada");
            assertThat(database.queryValue("SELECT email FROM users WHERE id = 1")).isNull();
        }
    }

    @Test
    void migratingToAnAppliedVersionChangesNothing() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            Migrations migrations = io.github.dbtestkit.internal.migration.RunnerMigrations.of(Fixtures.resolve("liquibase/sql/changelog.sql", EngineKind.SQLITE), database.dataSource());
            migrations.migrateAll();

            migrations.migrateTo("1");

            database.execute("INSERT INTO users (id, name, email) VALUES (1, 'ada', 'ada@example.com')");
            assertThat(database.queryValue("SELECT email FROM users")).isEqualTo("ada@example.com");
        }
    }

    @Test
    void anUnknownFlywayVersionListsTheAvailableOnes() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            Migrations migrations = io.github.dbtestkit.internal.migration.RunnerMigrations.of(Fixtures.resolve("flyway/shop", EngineKind.H2), database.dataSource());

            assertThatThrownBy(() -> migrations.migrateTo("7"))
                    .isInstanceOf(DatabaseTestException.class)
                    .hasMessage("Unknown migration version '7' for classpath:migration-fixtures/flyway/shop on H2: "
                            + "the versions are 1, 2, 3.");
        }
    }

    @Test
    void anUnknownLiquibaseVersionListsTheChangesetIds() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            Migrations migrations = io.github.dbtestkit.internal.migration.RunnerMigrations.of(Fixtures.resolve("liquibase/xml/changelog.xml", EngineKind.SQLITE), database.dataSource());

            assertThatThrownBy(() -> migrations.migrateTo("3-h2-only-index"))
                    .isInstanceOf(DatabaseTestException.class)
                    .hasMessage("Unknown migration version '3-h2-only-index' for "
                            + "classpath:migration-fixtures/liquibase/xml/changelog.xml on SQLite: the versions are 1, 2.");
        }
    }

    @Test
    void aLiquibaseIdSharedByTwoChangesetsIsNotAVersion() throws Exception {
        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            Migrations migrations = io.github.dbtestkit.internal.migration.RunnerMigrations.of(Fixtures.resolve("liquibase/duplicate/changelog.xml", EngineKind.H2), database.dataSource());

            assertThatThrownBy(() -> migrations.migrateTo("1"))
                    .isInstanceOf(DatabaseTestException.class)
                    .hasMessage("Changeset id '1' is used by 2 changesets in "
                            + "classpath:migration-fixtures/liquibase/duplicate/changelog.xml, so it does not name one "
                            + "version: give each changeset its own id.");
        }
    }
}
