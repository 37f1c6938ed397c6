package io.github.dbtestkit.core.internal.migration;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.internal.classpath.ClasspathFolder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Every file of a migration location, read once, for the checksum: a Flyway folder's files, or every file under a
 * Liquibase changelog's folder (so that included changelogs and referenced SQL files count). Classpath folders are
 * read from directories and from jars, in every classpath root that holds them.
 */
final class LocationFiles {

    /** One file: its path relative to the location's folder, and its bytes. */
    record Entry(String relativePath, byte[] bytes) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::relativePath)
            .thenComparing(Entry::bytes, Arrays::compare);

    private final List<Entry> entries;

    private LocationFiles(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        this.entries = List.copyOf(sorted);
    }

    static LocationFiles ofClasspathFolder(ClassLoader classLoader, String folder) {
        List<Entry> entries = new ArrayList<>();
        try {
            ClasspathFolder.visit(classLoader, folder, new ClasspathFolder.Visitor() {
                @Override
                public void file(String relativePath, ClasspathFolder.Content content) throws IOException {
                    entries.add(read(relativePath, content));
                }

                @Override
                public void unsupportedRoot(URL root) {
                    throw new MigrationException("Cannot read classpath:" + folder + " from " + root
                            + ": only folders and jars are supported; use a filesystem: location instead.");
                }
            });
        } catch (IOException e) {
            throw new MigrationException("Cannot read classpath:" + folder + ": " + e.getMessage(), e);
        }
        return new LocationFiles(entries);
    }

    private static Entry read(String relativePath, ClasspathFolder.Content content) throws IOException {
        try (InputStream in = content.open()) {
            return new Entry(relativePath, in.readAllBytes());
        }
    }

    /** A changelog at the classpath root counts alone: hashing the whole classpath would mean nothing. */
    static LocationFiles ofClasspathChangelog(ClassLoader classLoader, String changelog) {
        int slash = changelog.lastIndexOf('/');
        if (slash < 0) {
            try (InputStream in = classLoader.getResourceAsStream(changelog)) {
                if (in == null) {
                    throw new MigrationException("Cannot read classpath:" + changelog + ".");
                }
                return new LocationFiles(List.of(new Entry(changelog, in.readAllBytes())));
            } catch (IOException e) {
                throw new MigrationException("Cannot read classpath:" + changelog + ": " + e.getMessage(), e);
            }
        }
        return ofClasspathFolder(classLoader, changelog.substring(0, slash));
    }

    static LocationFiles ofFilesystemFolder(Path folder) {
        List<Entry> entries = new ArrayList<>();
        readDirectory(folder, entries);
        return new LocationFiles(entries);
    }

    static LocationFiles ofFilesystemChangelog(Path changelog) {
        return ofFilesystemFolder(changelog.getParent());
    }

    List<Entry> entries() {
        return entries;
    }

    /** Whether any file could be a Flyway migration: a SQL script, or a compiled Java migration. */
    boolean hasMigrationScripts() {
        return entries.stream()
                .map(entry -> entry.relativePath().toLowerCase(Locale.ROOT))
                .anyMatch(name -> name.endsWith(".sql") || name.endsWith(".class"));
    }

    /** SHA-256 over the description and every file's relative path and bytes, in path order. */
    String checksum(String description) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ProvisioningException("Every Java runtime has SHA-256", e);
        }
        digest.update(description.getBytes(StandardCharsets.UTF_8));
        for (Entry entry : entries) {
            digest.update((byte) 0);
            digest.update(entry.relativePath().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Long.toString(entry.bytes().length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            digest.update(entry.bytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void readDirectory(Path folder, List<Entry> entries) {
        try {
            ClasspathFolder.visitDirectory(folder, (relativePath, content) -> entries.add(read(relativePath, content)));
        } catch (IOException e) {
            throw new MigrationException("Cannot read the migrations in " + folder + ": " + e.getMessage(), e);
        }
    }
}
