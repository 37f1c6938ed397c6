package io.github.dbtestkit.core.internal.migration;

import io.github.dbtestkit.core.ProvisioningException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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
            Enumeration<URL> roots = classLoader.getResources(folder);
            while (roots.hasMoreElements()) {
                readClasspathRoot(roots.nextElement(), folder, entries);
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read classpath:" + folder + ": " + e.getMessage(), e);
        }
        return new LocationFiles(entries);
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

    private static void readClasspathRoot(URL root, String folder, List<Entry> entries) throws IOException {
        switch (root.getProtocol()) {
            case "file" -> {
                Path path;
                try {
                    path = Path.of(root.toURI());
                } catch (URISyntaxException e) {
                    throw new MigrationException("Cannot read classpath:" + folder + " from " + root + ": " + e.getMessage(), e);
                }
                if (Files.isDirectory(path)) {
                    readDirectory(path, entries);
                }
            }
            case "jar" -> readJar(root, folder, entries);
            default -> throw new MigrationException("Cannot read classpath:" + folder + " from " + root
                    + ": only folders and jars are supported; use a filesystem: location instead.");
        }
    }

    private static void readJar(URL root, String folder, List<Entry> entries) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        // A cached JarFile is shared with the class loader; ours must be our own so that closing it is safe.
        connection.setUseCaches(false);
        String prefix = folder + "/";
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> jarEntries = jar.entries();
            while (jarEntries.hasMoreElements()) {
                JarEntry entry = jarEntries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        entries.add(new Entry(entry.getName().substring(prefix.length()), in.readAllBytes()));
                    }
                }
            }
        }
    }

    private static void readDirectory(Path folder, List<Entry> entries) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    String relative = folder.relativize(file).toString().replace('\\', '/');
                    entries.add(new Entry(relative, Files.readAllBytes(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationException("Cannot read the migrations in " + folder + ": " + e.getMessage(), e);
        }
    }
}
