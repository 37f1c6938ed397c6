package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.internal.migration.MigrationException;
import io.github.dbtestkit.core.internal.migration.MigrationLocation;
import io.github.dbtestkit.core.internal.migration.Migrator;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.core.EngineKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlywayMigrationTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void appliesVersionedAndRepeatableMigrations(EngineKind engine) throws Exception {
        ResolvedMigrations shop = Fixtures.resolve("flyway/shop", engine);

        try (TestDatabase database = TestDatabase.create(engine)) {
            Migrator.standard().apply(shop, database.dataSource());
            database.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");

            assertThat(database.queryValue("SELECT name FROM user_names WHERE id = 1")).isEqualTo("ada");
            assertThat(database.queryValue("SELECT email FROM users WHERE id = 1")).isNull();
            assertThat(database.queryValue("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"script\" LIKE '%.sql'")
                    .toString()).isEqualTo("4");
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void eachEngineGetsItsOwnScriptsThroughThePlaceholder(EngineKind engine) throws Exception {
        ResolvedMigrations perEngine = MigrationLocation.parse("classpath:migration-fixtures/flyway/per-engine/{engine}")
                .resolve(engine, getClass().getClassLoader());

        try (TestDatabase database = TestDatabase.create(engine)) {
            Migrator.standard().apply(perEngine, database.dataSource());
            database.execute("INSERT INTO users (name) VALUES ('ada')");

            assertThat(database.queryValue("SELECT id FROM users WHERE name = 'ada'").toString()).isEqualTo("1");
        }
    }

    @Test
    void aFailingScriptNamesItsFileVersionLineStatementAndSqlitesMessage() throws Exception {
        ResolvedMigrations broken = Fixtures.resolve("flyway/broken", EngineKind.SQLITE);

        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            assertThatThrownBy(() -> Migrator.standard().apply(broken, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Migration V2__add_email.sql (version 2) failed on SQLite at line 3: ALTER TABLE users "
                            + "ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT — [SQLITE_ERROR] SQL error or missing "
                            + "database (incomplete input).");
        }
    }

    @Test
    void aFailingScriptNamesItsFileVersionLineStatementAndH2sMessage() throws Exception {
        ResolvedMigrations broken = Fixtures.resolve("flyway/broken", EngineKind.H2);

        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            assertThatThrownBy(() -> Migrator.standard().apply(broken, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Migration V2__add_email.sql (version 2) failed on H2 at line 3: ALTER TABLE "
                            + "users ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT — Syntax error in SQL statement")
                    .hasMessageEndingWith("[42001-252].");
        }
    }

    @Test
    void aFailingScriptNamesItsFileVersionLineStatementAndPostgresqlsMessage() throws Exception {
        ResolvedMigrations broken = Fixtures.resolve("flyway/broken", EngineKind.POSTGRESQL);

        try (TestDatabase database = TestDatabase.create(EngineKind.POSTGRESQL)) {
            assertThatThrownBy(() -> Migrator.standard().apply(broken, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Migration V2__add_email.sql (version 2) failed on PostgreSQL at line 3: ALTER TABLE "
                            + "users ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT — ERROR: syntax error at end of "
                            + "input Position: 65.");
        }
    }

    @Test
    void duplicateVersionsAreRejectedByFlywaysOwnValidation() throws Exception {
        ResolvedMigrations duplicate = Fixtures.resolve("flyway/duplicate", EngineKind.H2);

        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            assertThatThrownBy(() -> Migrator.standard().apply(duplicate, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Flyway could not migrate classpath:migration-fixtures/flyway/duplicate on H2: "
                            + "Found more than one migration with version 1")
                    .hasMessageContaining("V1__create_users.sql")
                    .hasMessageContaining("V1__create_orders.sql");
        }
    }

    @Test
    void aMisnamedScriptIsAnErrorRatherThanSkipped() throws Exception {
        write(temp.resolve("V1__create_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        write(temp.resolve("create_orders.sql"), "CREATE TABLE orders (id INTEGER PRIMARY KEY);");
        ResolvedMigrations misnamed = MigrationLocation.parse("filesystem:" + temp)
                .resolve(EngineKind.SQLITE, getClass().getClassLoader());

        try (TestDatabase database = TestDatabase.create(EngineKind.SQLITE)) {
            assertThatThrownBy(() -> Migrator.standard().apply(misnamed, database.dataSource()))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Flyway could not migrate filesystem:" + temp + " on SQLite:")
                    .hasMessageContaining("create_orders.sql");
        }
    }

    @Test
    void appliesAFilesystemFolder() throws Exception {
        write(temp.resolve("V1__create_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        ResolvedMigrations folder = MigrationLocation.parse("filesystem:" + temp)
                .resolve(EngineKind.H2, getClass().getClassLoader());

        try (TestDatabase database = TestDatabase.create(EngineKind.H2)) {
            Migrator.standard().apply(folder, database.dataSource());

            assertThat(database.queryValue("SELECT COUNT(*) FROM users")).isEqualTo(0L);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
    }
}
