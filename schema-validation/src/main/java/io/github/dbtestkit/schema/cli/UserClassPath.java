package io.github.dbtestkit.schema.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's classes from {@code --classpath}: folders and jars separated by the platform's path separator, with
 * {@code lib/*} standing for every jar in {@code lib}, as {@code java -cp} reads them.
 */
final class UserClassPath {

    private UserClassPath() {
    }

    /** A loader over those paths whose parent is the CLI's own loader (so Hibernate and drivers are shared). */
    static URLClassLoader loader(String classpath, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.addAll(urls(entry.strip()));
                }
            }
        }
        return new URLClassLoader("dbtestkit-user-classes", urls.toArray(URL[]::new), parent);
    }

    private static List<URL> urls(String entry) {
        if (entry.equals("*") || entry.endsWith(File.separator + "*") || entry.endsWith("/*")) {
            Path folder = Path.of(entry.substring(0, entry.length() - 1).isEmpty() ? "."
                    : entry.substring(0, entry.length() - 1));
            if (!Files.isDirectory(folder)) {
                throw new CliException("--classpath entry " + entry + " names the folder " + folder.toAbsolutePath()
                        + ", which does not exist: check the path.");
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().map(UserClassPath::url)
                        .toList();
            } catch (IOException e) {
                throw new CliException("--classpath entry " + entry + " cannot be listed: " + e.getMessage(), e);
            }
        }
        Path path = Path.of(entry);
        if (!Files.exists(path)) {
            throw new CliException("--classpath entry " + entry + " does not exist (looked for "
                    + path.toAbsolutePath() + "): check the path, or build the project first.");
        }
        return List.of(url(path));
    }

    private static URL url(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new CliException("--classpath entry " + path + " is not a usable path: " + e.getMessage(), e);
        }
    }
}
