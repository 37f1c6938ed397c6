package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.internal.migration.MigrationLocation;
import io.github.dbtestkit.core.internal.migration.ResolvedMigrations;
import io.github.dbtestkit.core.EngineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumTest {

    private static final ClassLoader LOADER = ChecksumTest.class.getClassLoader();

    @TempDir
    Path temp;

    private Path folder;

    @BeforeEach
    void writeTwoMigrations() throws IOException {
        folder = temp.resolve("migrations");
        write(folder.resolve("V1__create_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        write(folder.resolve("V2__add_email.sql"), "ALTER TABLE users ADD COLUMN email VARCHAR(200);");
    }

    @Test
    void theSameFilesGiveTheSameChecksum() {
        assertThat(checksum()).isEqualTo(checksum()).hasSize(64);
    }

    @Test
    void editingAMigrationChangesTheChecksum() throws IOException {
        String before = checksum();

        write(folder.resolve("V2__add_email.sql"), "ALTER TABLE users ADD COLUMN email VARCHAR(250);");

        assertThat(checksum()).isNotEqualTo(before);
    }

    @Test
    void addingAMigrationChangesTheChecksum() throws IOException {
        String before = checksum();

        write(folder.resolve("V3__add_name.sql"), "ALTER TABLE users ADD COLUMN name VARCHAR(100);");

        assertThat(checksum()).isNotEqualTo(before);
    }

    @Test
    void removingAMigrationChangesTheChecksum() throws IOException {
        String before = checksum();

        Files.delete(folder.resolve("V2__add_email.sql"));

        assertThat(checksum()).isNotEqualTo(before);
    }

    @Test
    void renamingAMigrationChangesTheChecksum() throws IOException {
        String before = checksum();

        Files.move(folder.resolve("V2__add_email.sql"), folder.resolve("V3__add_email.sql"));

        assertThat(checksum()).isNotEqualTo(before);
    }

    @Test
    void aFolderInAJarReadsTheSameAsTheSameFolderInADirectory() throws IOException {
        Path classes = temp.resolve("classes");
        write(classes.resolve("db/migration/V1__create_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);");
        write(classes.resolve("db/migration/sub/V2__add_email.sql"), "ALTER TABLE users ADD COLUMN email VARCHAR(200);");
        Path jar = temp.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "db/", null);
            add(out, "db/migration/", null);
            add(out, "db/migration/V1__create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
            add(out, "db/migration/sub/", null);
            add(out, "db/migration/sub/V2__add_email.sql", "ALTER TABLE users ADD COLUMN email VARCHAR(200);");
        }

        ResolvedMigrations fromDirectory;
        ResolvedMigrations fromJar;
        try (URLClassLoader directoryLoader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, null);
             URLClassLoader jarLoader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            fromDirectory = MigrationLocation.parse("classpath:db/migration").resolve(EngineKind.H2, directoryLoader);
            fromJar = MigrationLocation.parse("classpath:db/migration").resolve(EngineKind.H2, jarLoader);
        }

        assertThat(fromJar.files()).containsExactly("V1__create_users.sql", "sub/V2__add_email.sql");
        assertThat(fromJar.checksum()).isEqualTo(fromDirectory.checksum());
    }

    @Test
    void aLiquibaseChecksumCoversIncludedChangelogsUnderTheChangelogsFolder() throws IOException {
        Path changelog = temp.resolve("changelog/master.xml");
        write(changelog, "<databaseChangeLog><include file=\"changes/001.xml\" relativeToChangelogFile=\"true\"/></databaseChangeLog>");
        write(temp.resolve("changelog/changes/001.xml"), "<databaseChangeLog/>");
        MigrationLocation location = MigrationLocation.parse("filesystem:" + changelog);
        String before = location.resolve(EngineKind.H2, LOADER).checksum();

        write(temp.resolve("changelog/changes/001.xml"), "<databaseChangeLog><!-- edited --></databaseChangeLog>");

        ResolvedMigrations after = location.resolve(EngineKind.H2, LOADER);
        assertThat(after.files()).containsExactly("changes/001.xml", "master.xml");
        assertThat(after.checksum()).isNotEqualTo(before);
    }

    @Test
    void aClasspathChangelogChecksumCoversItsFolder() {
        ResolvedMigrations xml = Fixtures.resolve("liquibase/xml/changelog.xml", EngineKind.H2);

        assertThat(xml.files()).containsExactly("changelog.xml", "changes/001-users.xml", "changes/002-email.xml");
    }

    private String checksum() {
        return MigrationLocation.parse("filesystem:" + folder).resolve(EngineKind.H2, LOADER).checksum();
    }

    private static void add(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (content != null) {
            OutputStream stream = out;
            stream.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
