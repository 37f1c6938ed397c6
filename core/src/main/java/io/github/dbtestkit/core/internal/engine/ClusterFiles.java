package io.github.dbtestkit.core.internal.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The files and ports of a cluster: settings appended to {@code postgresql.conf}, log tails, deletion, a free port. */
final class ClusterFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);
    private static final int LOG_TAIL_LINES = 20;


    private ClusterFiles() {
    }

    /** Writes the settings as a whole file (a config file that postgresql.conf includes). */
    static void writeSettings(Path file, Map<String, String> settings) {
        StringBuilder lines = new StringBuilder("# dbtestkit: a throwaway test server, rewritten at every start\n");
        settings.forEach((key, value) -> lines.append(key).append(" = '").append(value.replace("'", "''")).append("'\n"));
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClusterStartFailure("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Appends one line to a config file. */
    static void appendLine(Path config, String line) {
        try {
            Files.writeString(config, "\n" + line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ClusterStartFailure("cannot write " + config + ": " + e.getMessage());
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ClusterStartFailure("no free port on localhost: " + e.getMessage());
        }
    }

    static Optional<String> tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            lines.removeIf(String::isBlank);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * An I/O failure on a folder in words: {@code permission denied}, {@code no space left on device}, {@code /x is a
     * file, not a folder}; Java's own messages of these are often just the path.
     */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied on " + e.getMessage();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return e.getMessage() + " is a file, not a folder";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", path, e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
