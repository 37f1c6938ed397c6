package io.github.dbtestkit.core.internal.classpath;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ClasspathFolderTest {

    @TempDir
    Path temp;

    @Test
    void readsAFolderFromADirectoryAndFromAJarInOneVisit() throws IOException {
        Path dir = temp.resolve("classes");
        Files.createDirectories(dir.resolve("db/migration/nested"));
        Files.writeString(dir.resolve("db/migration/V1__a.sql"), "create table a (id int);");
        Files.writeString(dir.resolve("db/migration/nested/V2__b.sql"), "create table b (id int);");
        Path jar = jar("lib.jar", true, Map.of("db/migration/V3__c.sql", "create table c (id int);",
                "db/other/V9__z.sql", "not ours"));

        Map<String, String> files = visit(new URL[]{dir.toUri().toURL(), jar.toUri().toURL()}, "db/migration");

        assertThat(files).containsExactly(
                Map.entry("V1__a.sql", "create table a (id int);"),
                Map.entry("V3__c.sql", "create table c (id int);"),
                Map.entry("nested/V2__b.sql", "create table b (id int);"));
    }

    @Test
    void findsAFolderInAJarWrittenWithoutDirectoryEntries() throws IOException {
        Path jar = jar("flat.jar", false, Map.of("com/acme/model/Post.class", "bytes"));

        Map<String, String> files = visit(new URL[]{jar.toUri().toURL()}, "com/acme/model");

        assertThat(files).containsExactly(Map.entry("Post.class", "bytes"));
    }

    @Test
    void aFolderFoundNowhereVisitsNothing() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            assertThat(ClasspathFolder.visit(loader, "no/such/folder", (path, content) -> {
                throw new AssertionError(path);
            })).isFalse();
        }
    }

    private static Map<String, String> visit(URL[] roots, String folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (URLClassLoader loader = new URLClassLoader(roots, null)) {
            boolean found = ClasspathFolder.visit(loader, folder, (path, content) -> {
                try (InputStream in = content.open()) {
                    files.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            });
            assertThat(found).isTrue();
        }
        return files;
    }

    private Path jar(String name, boolean directoryEntries, Map<String, String> files) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                if (directoryEntries) {
                    String path = file.getKey();
                    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                        String dir = path.substring(0, slash + 1);
                        try {
                            zip.putNextEntry(new JarEntry(dir));
                            zip.closeEntry();
                        } catch (java.util.zip.ZipException duplicate) {
                            // written for an earlier file
                        }
                    }
                }
                zip.putNextEntry(new JarEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
