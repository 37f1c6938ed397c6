package io.github.dbtestkit.core.internal.classpath;

import org.apiguardian.api.API;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The one walk of a class-path folder: every file under it, in every class-path root that holds it, from directories
 * and from jars. Migration locations read their files' bytes through it, the entity scan its class names.
 *
 * <p>Jars written without directory entries are invisible to {@link ClassLoader#getResources(String)} for a folder;
 * {@link #visit(ClassLoader, String, Visitor)} then lists the class path's jars directly when the folder was found
 * nowhere else (slower, so only then).
 *
 * <pre>{@code
 * ClasspathFolder.visit(loader, "db/migration", (relativePath, content) -> { try (InputStream in = content.open()) { ... } });
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ClasspathFolder {

    /** Opens one file's content; each call opens a new stream, which the caller closes. */
    @FunctionalInterface
    public interface Content {
        /** A new stream over the file's bytes. */
        InputStream open() throws IOException;
    }

    /** Receives the files of a folder. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * One file.
         *
         * @param relativePath its path below the folder, with {@code /} separators
         * @param content      its bytes, while the visit lasts
         */
        void file(String relativePath, Content content) throws IOException;

        /** A root the folder was found in that is neither a directory nor a jar (a custom class loader's); ignored by default. */
        default void unsupportedRoot(URL root) throws IOException {
        }
    }

    private ClasspathFolder() {
    }

    /**
     * Visits every regular file under {@code folder} (a class-path path such as {@code db/migration}, no leading or
     * trailing slash) in every root that holds it.
     *
     * @return whether any root held the folder
     * @throws IOException when a root cannot be read
     */
    public static boolean visit(ClassLoader loader, String folder, Visitor visitor) throws IOException {
        boolean found = false;
        Enumeration<URL> roots = loader.getResources(folder);
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            found = true;
            switch (root.getProtocol()) {
                case "file" -> visitDirectory(path(root), visitor);
                case "jar" -> visitJar(root, folder, visitor);
                default -> visitor.unsupportedRoot(root);
            }
        }
        if (!found) {
            for (Path jar : classPathJars(loader)) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    found |= visitEntries(file, folder, visitor);
                }
            }
        }
        return found;
    }

    private static Path path(URL root) throws IOException {
        try {
            return Path.of(root.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot read " + root + " as a directory: " + e.getMessage(), e);
        }
    }

    /** Every regular file under a directory, by path relative to it. */
    public static void visitDirectory(Path directory, Visitor visitor) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            visitor.file(directory.relativize(file).toString().replace(File.separatorChar, '/'),
                    () -> Files.newInputStream(file));
        }
    }

    private static void visitJar(URL root, String folder, Visitor visitor) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        // A cached JarFile is shared with the class loader; ours must be our own so that closing it is safe.
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            visitEntries(jar, folder, visitor);
        }
    }

    private static boolean visitEntries(JarFile jar, String folder, Visitor visitor) throws IOException {
        String prefix = folder + "/";
        boolean found = false;
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                found = true;
                visitor.file(entry.getName().substring(prefix.length()), () -> jar.getInputStream(entry));
            }
        }
        return found;
    }

    private static List<Path> classPathJars(ClassLoader loader) {
        Set<Path> jars = new LinkedHashSet<>();
        for (ClassLoader each = loader; each != null; each = each.getParent()) {
            if (each instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
                        try {
                            jars.add(Path.of(url.toURI()));
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a file we could open; the folder cannot be in it
                        }
                    }
                }
            }
            if (each == ClassLoader.getSystemClassLoader()) {
                for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                    if (entry.endsWith(".jar")) {
                        jars.add(Path.of(entry));
                    }
                }
            }
        }
        return jars.stream().filter(Files::isRegularFile).toList();
    }
}
