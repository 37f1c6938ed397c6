package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.internal.migration.MigrationException;
import io.github.dbtestkit.core.internal.migration.MigrationLocation;
import io.github.dbtestkit.core.internal.migration.MigrationTool;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationLocationTest {

    private static final ClassLoader LOADER = MigrationLocationTest.class.getClassLoader();

    @TempDir
    Path temp;

    @Test
    void aLocationWithoutPrefixIsOnTheClasspath() {
        MigrationLocation location = MigrationLocation.parse("db/migration");

        assertThat(location.scheme()).isEqualTo(MigrationLocation.Scheme.CLASSPATH);
        assertThat(location.path()).isEqualTo("db/migration");
        assertThat(location.text()).isEqualTo("db/migration");
    }

    @Test
    void classpathAndFilesystemPrefixesAreRecognisedAndSlashesTrimmed() {
        MigrationLocation classpath = MigrationLocation.parse("classpath:/db/migration/");
        MigrationLocation filesystem = MigrationLocation.parse("filesystem:src/main/resources/db/migration/");

        assertThat(classpath.scheme()).isEqualTo(MigrationLocation.Scheme.CLASSPATH);
        assertThat(classpath.path()).isEqualTo("db/migration");
        assertThat(filesystem.scheme()).isEqualTo(MigrationLocation.Scheme.FILESYSTEM);
        assertThat(filesystem.path()).isEqualTo("src/main/resources/db/migration");
    }

    @Test
    void aFolderMeansFlywayAndAChangelogFileMeansLiquibase() {
        assertThat(MigrationLocation.parse("classpath:db/migration").tool()).isEqualTo(MigrationTool.FLYWAY);
        for (String changelog : new String[]{"a.xml", "a.yaml", "a.yml", "a.json", "a.sql", "A.XML"}) {
            assertThat(MigrationLocation.parse("classpath:db/changelog/" + changelog).tool())
                    .as(changelog).isEqualTo(MigrationTool.LIQUIBASE);
        }
    }

    @Test
    void theEnginePlaceholderPicksEachEnginesFolder() {
        MigrationLocation location = MigrationLocation.parse("classpath:migration-fixtures/flyway/per-engine/{engine}");

        ResolvedMigrations h2 = location.resolve(Engine.H2.kind(), LOADER);
        ResolvedMigrations sqlite = location.resolve(Engine.SQLITE.kind(), LOADER);

        assertThat(location.hasEnginePlaceholder()).isTrue();
        assertThat(h2.resolvedLocation()).isEqualTo("classpath:migration-fixtures/flyway/per-engine/h2");
        assertThat(sqlite.resolvedLocation()).isEqualTo("classpath:migration-fixtures/flyway/per-engine/sqlite");
        assertThat(h2.checksum()).isNotEqualTo(sqlite.checksum());
    }

    @Test
    void aBlankLocationIsRejected() {
        assertThatThrownBy(() -> MigrationLocation.parse("  "))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migrations location is blank: write a Flyway folder such as classpath:db/migration, "
                        + "or a Liquibase changelog such as classpath:db/changelog/db.changelog-master.yaml.");
    }

    @Test
    void anUnknownPrefixIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> MigrationLocation.parse("s3:bucket/db/migration"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration location s3:bucket/db/migration has an unknown prefix 's3:': "
                        + "use classpath: (the default) or filesystem:.");
    }

    @Test
    void flywaysVendorPlaceholderIsRejectedPointingToEngine() {
        assertThatThrownBy(() -> MigrationLocation.parse("classpath:db/migration/{vendor}"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration location classpath:db/migration/{vendor} uses the placeholder {vendor}, which "
                        + "dbtestkit does not know: use {engine} for per-engine folders (h2, sqlite, postgresql).");
    }

    @Test
    void aMissingClasspathFolderIsReportedByName() {
        MigrationLocation location = MigrationLocation.parse("classpath:db/nowhere");

        assertThatThrownBy(() -> location.resolve(Engine.H2.kind(), LOADER))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration location classpath:db/nowhere does not exist on the test classpath: "
                        + "check the path in @DatabaseTest(migrations).");
    }

    @Test
    void aMissingEngineFolderNamesWhatThePlaceholderBecame() {
        MigrationLocation location = MigrationLocation.parse("classpath:migration-fixtures/flyway/h2-only/{engine}");

        assertThatThrownBy(() -> location.resolve(Engine.POSTGRESQL.kind(), LOADER))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration location classpath:migration-fixtures/flyway/h2-only/{engine} "
                        + "(classpath:migration-fixtures/flyway/h2-only/postgresql for PostgreSQL) does not exist on "
                        + "the test classpath: add that folder, or drop PostgreSQL from the class's engines.");
    }

    @Test
    void aMissingFilesystemFolderNamesTheAbsolutePath() {
        Path missing = temp.resolve("missing");
        MigrationLocation location = MigrationLocation.parse("filesystem:" + missing);

        assertThatThrownBy(() -> location.resolve(Engine.H2.kind(), LOADER))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration location filesystem:" + missing + " does not exist: there is no folder " + missing
                        + ": check the path in @DatabaseTest(migrations).");
    }

    @Test
    void aMissingChangelogFileIsReportedByName() {
        Path missing = temp.resolve("changelog.xml");
        MigrationLocation location = MigrationLocation.parse("filesystem:" + missing);

        assertThatThrownBy(() -> location.resolve(Engine.SQLITE.kind(), LOADER))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration location filesystem:" + missing + " does not exist: there is no file " + missing
                        + ": check the path in @DatabaseTest(migrations).");
    }

    @Test
    void anEmptyFolderIsReportedByName() {
        MigrationLocation location = MigrationLocation.parse("filesystem:" + temp);

        assertThatThrownBy(() -> location.resolve(Engine.H2.kind(), LOADER))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Migration location filesystem:" + temp + " holds no migrations: add "
                        + "V1__<description>.sql (Flyway's naming), or point @DatabaseTest(migrations) at the folder that holds them.");
    }

    @Test
    void aClasspathFolderWithoutScriptsIsReportedAsEmpty() {
        MigrationLocation location = MigrationLocation.parse("classpath:migration-fixtures/flyway/no-scripts");

        assertThatThrownBy(() -> location.resolve(Engine.SQLITE.kind(), LOADER))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Migration location classpath:migration-fixtures/flyway/no-scripts holds no migrations");
    }

    @Test
    void detectFindsNothingWithoutTheDefaultFolders() throws IOException {
        try (URLClassLoader loader = loaderOver(temp)) {
            assertThat(MigrationLocation.detect(loader)).isEmpty();
        }
    }

    @Test
    void detectPicksTheFlywayFolder() throws IOException {
        write(temp.resolve("db/migration/V1__init.sql"), "CREATE TABLE t (id INT);");

        try (URLClassLoader loader = loaderOver(temp)) {
            assertThat(MigrationLocation.detect(loader)).hasValue(MigrationLocation.parse("classpath:db/migration"));
        }
    }

    @Test
    void detectPicksPerEngineFoldersWhenDbMigrationHoldsThem() throws IOException {
        write(temp.resolve("db/migration/sqlite/V1__init.sql"), "CREATE TABLE t (id INTEGER);");

        try (URLClassLoader loader = loaderOver(temp)) {
            assertThat(MigrationLocation.detect(loader))
                    .hasValue(MigrationLocation.parse("classpath:db/migration/{engine}"));
        }
    }

    @Test
    void detectPicksTheMasterChangelog() throws IOException {
        write(temp.resolve("db/changelog/db.changelog-master.xml"), "<databaseChangeLog/>");

        try (URLClassLoader loader = loaderOver(temp)) {
            assertThat(MigrationLocation.detect(loader))
                    .hasValue(MigrationLocation.parse("classpath:db/changelog/db.changelog-master.xml"));
        }
    }

    @Test
    void detectRejectsAChangelogFolderWithoutMaster() throws IOException {
        write(temp.resolve("db/changelog/changes.xml"), "<databaseChangeLog/>");

        try (URLClassLoader loader = loaderOver(temp)) {
            assertThatThrownBy(() -> MigrationLocation.detect(loader))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("db/changelog exists on the test classpath but holds no master changelog: add "
                            + "db/changelog/db.changelog-master.yaml (or .yml, .xml, .json, .sql), or name the changelog "
                            + "with @DatabaseTest(migrations = \"classpath:db/changelog/<file>\").");
        }
    }

    @Test
    void detectRejectsBothFoldersAtOnce() throws IOException {
        write(temp.resolve("db/migration/V1__init.sql"), "CREATE TABLE t (id INT);");
        write(temp.resolve("db/changelog/db.changelog-master.yaml"), "databaseChangeLog: []");

        try (URLClassLoader loader = loaderOver(temp)) {
            assertThatThrownBy(() -> MigrationLocation.detect(loader))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Both db/migration (Flyway) and db/changelog (Liquibase) exist on the test classpath: "
                            + "say which to use with @DatabaseTest(migrations = ...).");
        }
    }

    private static URLClassLoader loaderOver(Path root) throws IOException {
        // No parent: the test's own classpath must not leak into what detect() sees.
        return new URLClassLoader(new URL[]{root.toUri().toURL()}, null);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
