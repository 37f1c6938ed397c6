package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.internal.migration.MigrationException;
import io.github.dbtestkit.core.internal.migration.MigrationLocation;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.core.EngineKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiquibaseMigrationTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "liquibase/xml/changelog.xml, H2", "liquibase/xml/changelog.xml, SQLITE",
            "liquibase/yaml/changelog.yaml, H2", "liquibase/yaml/changelog.yaml, SQLITE",
            "liquibase/sql/changelog.sql, H2", "liquibase/sql/changelog.sql, SQLITE",
            "liquibase/xml/changelog.xml, POSTGRESQL", "liquibase/yaml/changelog.yaml, POSTGRESQL",
            "liquibase/sql/changelog.sql, POSTGRESQL"})
    void appliesAChangelogInEachFormat(String fixture, EngineKind engine) throws Exception {
        ResolvedMigrations changelog = Fixtures.resolve(fixture, engine);

        try (TestDatabase database = TestDatabase.create(engine)) {
            Migrator.standard().apply(changelog, database.dataSource());
            database.execute("INSERT INTO users (id, name, email) VALUES (1, 'ada', 'ada@example.com')");

            assertThat(database.queryValue("SELECT email FROM users WHERE id = 1")).isEqualTo("ada@example.com");
        }
    }

    @Test
    void aChangesetForAnotherDbmsIsNeitherListedNorApplied() throws Exception {
        ResolvedMigrations onSqlite = Fixtures.resolve("liquibase/xml/changelog.xml", EngineKind.SQLITE);
        ResolvedMigrations onH2 = Fixtures.resolve("liquibase/xml/changelog.xml", EngineKind.H2);

        try (TestDatabase sqlite = TestDatabase.create(EngineKind.SQLITE); TestDatabase h2 = TestDatabase.create(EngineKind.H2)) {
            assertThat(io.github.dbtestkit.internal.migration.RunnerMigrations.of(onSqlite, sqlite.dataSource()).versions()).containsExactly("1", "2");
            assertThat(io.github.dbtestkit.internal.migration.RunnerMigrations.of(onH2, h2.dataSource()).versions())
                    .containsExactly("1", "2", "3-h2-only-index");
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(EngineKind.class)
    void aPortableChangelogGivesAutoIncrementedKeysAndEnforcedForeignKeysOnEachEngine(EngineKind engine) throws Exception {
        ResolvedMigrations portable = Fixtures.resolve("liquibase/portable/changelog.xml", engine);

        try (TestDatabase database = TestDatabase.create(engine)) {
            Migrator.standard().apply(portable, database.dataSource());
            database.execute("INSERT INTO posts (body, created_at) VALUES ('hello', CURRENT_TIMESTAMP)");
            database.execute("INSERT INTO comments (body, post_id) VALUES ('first', 1)");

            assertThat(database.queryValue("SELECT id FROM comments WHERE body = 'first'").toString()).isEqualTo("1");
            assertThatThrownBy(() -> database.execute("INSERT INTO comments (body, post_id) VALUES ('orphan', 42)"))
                    .hasMessageContaining(switch (engine) {
                        case SQLITE -> "FOREIGN KEY constraint failed";
                        case H2 -> "FK_COMMENTS_POST";
                        case POSTGRESQL -> "fk_comments_post";
                    });
        }
    }

    @Test
    void aFailingChangesetNamesItsFileIdAuthorStatementAndSqlitesMessage() throws Exception {
        ResolvedMigrations broken = Fixtures.resolve("liquibase/broken/changelog.xml", EngineKind.SQLITE);

        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            assertThatThrownBy(() -> Migrator.standard().apply(broken, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Migration migration-fixtures/liquibase/broken/changelog.xml (changeset 2 by dba) failed "
                            + "on SQLite: ALTER TABLE users ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT — "
                            + "[SQLITE_ERROR] SQL error or missing database (incomplete input).");
        }
    }

    @Test
    void aFailingChangesetOnH2CarriesH2sOwnMessage() throws Exception {
        ResolvedMigrations broken = Fixtures.resolve("liquibase/broken/changelog.xml", EngineKind.H2);

        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            assertThatThrownBy(() -> Migrator.standard().apply(broken, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Migration migration-fixtures/liquibase/broken/changelog.xml (changeset 2 by "
                            + "dba) failed on H2: ALTER TABLE users ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT — "
                            + "Syntax error in SQL statement");
        }
    }

    @Test
    void aFailingChangesetOnPostgresqlCarriesPostgresqlsOwnMessage() throws Exception {
        ResolvedMigrations broken = Fixtures.resolve("liquibase/broken/changelog.xml", EngineKind.POSTGRESQL);

        try (TestDatabase database = TestDatabase.create(EngineKind.POSTGRESQL)) {
            assertThatThrownBy(() -> Migrator.standard().apply(broken, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Migration migration-fixtures/liquibase/broken/changelog.xml (changeset 2 by dba) failed "
                            + "on PostgreSQL: ALTER TABLE users ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT — "
                            + "ERROR: syntax error at end of input Position: 65.");
        }
    }

    @Test
    void anUnparsableChangelogNamesTheLocationAndLine() throws Exception {
        ResolvedMigrations unparsable = Fixtures.resolve("liquibase/unparsable/changelog.xml", EngineKind.H2);

        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            assertThatThrownBy(() -> Migrator.standard().apply(unparsable, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Liquibase cannot parse the changelog classpath:migration-fixtures/liquibase/unparsable/"
                            + "changelog.xml at line 9: The element type \"createTable\" must be terminated by the "
                            + "matching end-tag \"</createTable>\".");
        }
    }

    @Test
    void duplicateChangesetsAreRejectedByLiquibasesOwnValidation() throws Exception {
        ResolvedMigrations duplicate = Fixtures.resolve("liquibase/duplicate/changelog.xml", EngineKind.SQLITE);

        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            assertThatThrownBy(() -> Migrator.standard().apply(duplicate, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Liquibase could not apply classpath:migration-fixtures/liquibase/duplicate/changelog.xml "
                            + "on SQLite: Validation Failed: 1 changesets had duplicate identifiers "
                            + "migration-fixtures/liquibase/duplicate/changelog.xml::1::dba.");
        }
    }

    @Test
    void appliesAFilesystemChangelogWithAnInclude() throws Exception {
        Path changelog = temp.resolve("db.changelog-master.yaml");
        Files.writeString(changelog, """
                databaseChangeLog:
                  - include:
                      file: changes/001-users.sql
                      relativeToChangelogFile: true
                """);
        Files.createDirectories(temp.resolve("changes"));
        Files.writeString(temp.resolve("changes/001-users.sql"), """
                --liquibase formatted sql
                --changeset dba:1
                CREATE TABLE users (id INTEGER PRIMARY KEY);
                --rollback DROP TABLE users;
                """);
        ResolvedMigrations resolved = MigrationLocation.parse("filesystem:" + changelog)
                .resolve(EngineKind.SQLITE, getClass().getClassLoader());

        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            Migrator.standard().apply(resolved, database.dataSource());

            assertThat(database.queryValue("SELECT COUNT(*) FROM users")).isEqualTo(0);
        }
    }
}
