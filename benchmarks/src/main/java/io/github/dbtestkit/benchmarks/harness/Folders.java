package io.github.dbtestkit.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary folders the harness creates for reports and child JVMs, and removes again so nothing is left behind.
 *
 * <pre>{@code
 * Path dir = Folders.createTemp("dbtestkit-bench-child");
 * try { ... } finally { Folders.delete(dir); }
 * }</pre>
 */
public final class Folders {

    private Folders() {
    }

    /** A new empty folder under {@code java.io.tmpdir}. */
    public static Path createTemp(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    /** Deletes {@code root} and everything below it; nothing happens when it does not exist. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root + ": " + e.getMessage(), e);
        }
    }
}
