package io.github.dbtestkit.schema.cli;

import picocli.CommandLine.Option;

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
 * {@code lib/*} standing for every jar in {@code lib}, as {@code java -cp} reads them. A picocli mixin, the one
 * declaration of {@code --classpath} for every command.
 *
 * <pre>{@code
 * try (URLClassLoader loader = classpath.loader()) { ... }
 * }</pre>
 */
final class UserClassPath {

    @Option(names = "--classpath", paramLabel = "PATHS", description = "Folders and jars holding the entity classes, "
            + "the migrations of classpath: locations and any extra JDBC driver, separated by '${sys:path.separator}';"
            + " dir/* means every jar in dir.")
    String paths;

    /** A loader over {@code --classpath} whose parent is the CLI's own loader (so Hibernate and drivers are shared). */
    URLClassLoader loader() {
        return loader(paths, UserClassPath.class.getClassLoader());
    }

    /** How messages name the class path: the paths given, or {@code (none given)}. */
    String describe() {
        return paths == null ? "(none given)" : paths;
    }

    /** A loader over those paths whose parent is {@code parent}. */
    private static URLClassLoader loader(String classpath, ClassLoader parent) {
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
