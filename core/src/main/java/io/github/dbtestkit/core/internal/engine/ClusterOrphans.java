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
     * owner file names a process of this host that no longer runs. Clusters of live JVMs, of other hosts (a shared
     * temporary folder) and folders without an owner file (being created right now) are left alone.
     */
    static void sweepOrphans(Path workRoot) {
        try (Stream<Path> dirs = Files.list(workRoot)) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith(PostgresCluster.TEMP_PREFIX))
                    .filter(dir -> Files.isRegularFile(dir.resolve(PostgresCluster.OWNER_FILE)))
                    .filter(ClusterOrphans::ownerIsGone)
                    .forEach(dir -> {
                        LOG.info("Removing PostgreSQL cluster {} left behind by a JVM that ended without closing it", dir);
                        Path dataDir = dir.resolve("data");
                        ClusterProcesses.readPid(dataDir).flatMap(ProcessHandle::of)
                                .filter(process -> isPostmasterOf(process, dataDir))
                                .ifPresent(ClusterOrphans::terminate);
                        ClusterFiles.deleteRecursively(dir);
                    });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not look for abandoned clusters in {}: {}", workRoot, e.toString());
        }
    }

    static boolean ownerIsGone(Path dir) {
        try {
            return ProcessOwner.parse(Files.readString(dir.resolve(PostgresCluster.OWNER_FILE))).map(ProcessOwner::isGone).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What the owner file of a new cluster holds: this JVM. */
    static String ownerToken() {
        return ProcessOwner.current().marker();
    }

    /**
     * Whether {@code process} is the postmaster of {@code dataDir}: postmaster.pid may be stale (the server died
     * too, the machine rebooted) and its pid reused by an unrelated process, which must not be killed. pg_ctl starts
     * the postmaster with {@code -D <dataDir>}; a postmaster that outlives the deletion of its folder shuts itself
     * down once it finds its lock file gone.
     */
    static boolean isPostmasterOf(ProcessHandle process, Path dataDir) {
        return process.isAlive() && process.info().commandLine().map(line -> line.contains(dataDir.toString())).orElse(false);
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
