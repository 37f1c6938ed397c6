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

/** Finds and removes clusters whose JVM died without closing them; the owner file says who made each. */
final class ClusterOrphans {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);

    private ClusterOrphans() {
    }

    /**
     * Stops and deletes clusters whose JVM died without closing them (killed, or {@code kill -9} in an IDE): their
     * owner file names a process that no longer runs. Clusters of live JVMs are left alone.
     */
    static void sweepOrphans(Path workRoot) {
        try (Stream<Path> dirs = Files.list(workRoot)) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith(PostgresCluster.TEMP_PREFIX))
                    .filter(dir -> Files.isRegularFile(dir.resolve(PostgresCluster.OWNER_FILE)))
                    .filter(ClusterOrphans::ownerIsGone)
                    .forEach(dir -> {
                        LOG.info("Removing PostgreSQL cluster {} left behind by a JVM that ended without closing it", dir);
                        ClusterProcesses.readPid(dir.resolve("data")).flatMap(ProcessHandle::of).ifPresent(ClusterOrphans::terminate);
                        ClusterFiles.deleteRecursively(dir);
                    });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not look for abandoned clusters in {}: {}", workRoot, e.toString());
        }
    }

    static boolean ownerIsGone(Path dir) {
        try {
            String token = Files.readString(dir.resolve(PostgresCluster.OWNER_FILE)).trim();
            long pid = Long.parseLong(token.split(" ")[0]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(owner -> !ownerToken(owner).equals(token)).orElse(true);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The pid plus the start instant, so that a recycled pid does not pass for the owner. */
    static String ownerToken(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
    }

    /** SIGTERM first (a postmaster with no clients shuts down at once), SIGKILL if it lingers. */
    static void terminate(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }
}
