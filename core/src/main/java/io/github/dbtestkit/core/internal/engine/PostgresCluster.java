package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster run from binaries with {@code initdb} and {@code pg_ctl}: the one runner shared by the
 * embedded provider (zonky's binaries) and the local one (binaries installed on the machine).
 *
 * <p>Everything lives in a fresh temporary directory (data, server log, Unix socket) that {@link #close()} deletes
 * after stopping the server. PostgreSQL refuses to run as root; as root the binaries run under {@code unshare -U},
 * where the process is an unprivileged user of a new user namespace that still owns the files root created.
 */
final class PostgresCluster implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);
        private static final int PORT_ATTEMPTS = 3;
    static final String TEMP_PREFIX = "dbtestkit-pg-";
    /** Names the JVM that started a cluster, so that a later JVM can clean up after one that was killed. */
    static final String OWNER_FILE = "owner";

    private final Path binDir;
    private final List<String> prefix;
    private final Path tempDir;
    private final Path dataDir;
    private final int port;
    private final long pid;
    private final Optional<ClusterSnapshots> snapshots;
    private final boolean restored;
    private volatile boolean changed;
    private boolean closed;

    private PostgresCluster(Path binDir, List<String> prefix, Path tempDir, Path dataDir, int port, long pid,
                            Optional<ClusterSnapshots> snapshots, boolean restored) {
        this.binDir = binDir;
        this.prefix = prefix;
        this.tempDir = tempDir;
        this.dataDir = dataDir;
        this.port = port;
        this.pid = pid;
        this.snapshots = snapshots;
        this.restored = restored;
    }

    /**
     * How a cluster is run beyond the defaults: for tests of dbtestkit itself.
     *
     * @param extraSettings server settings added last, e.g. a bad value to make the start fail on purpose
     * @param workRoot      where the cluster's temporary directory is created, {@code java.io.tmpdir} by default
     * @param ports         picks the port of each start attempt, a free one by default
     * @param snapshots     where initialised clusters are kept across runs, from the binaries' folder and version;
     *                      empty: every start runs initdb
     */
    record Options(Map<String, String> extraSettings, Path workRoot, java.util.function.IntSupplier ports,
                   Optional<java.util.function.BiFunction<Path, String, ClusterSnapshots>> snapshots) {

        Options(Map<String, String> extraSettings, Path workRoot) {
            this(extraSettings, workRoot, ClusterFiles::freePort);
        }

        Options(Map<String, String> extraSettings, Path workRoot, java.util.function.IntSupplier ports) {
            this(extraSettings, workRoot, ports, Optional.empty());
        }

        /** No cache: for tests that need initdb to run. */
        static Options defaults() {
            return new Options(Map.of(), Path.of(System.getProperty("java.io.tmpdir")));
        }

        /** The defaults, with the cache the settings ask for ({@code dbtestkit.postgresql.template-cache*}). */
        static Options from(io.github.dbtestkit.core.PostgresSettings.TemplateCache cache) {
            Options defaults = defaults();
            if (!cache.enabled()) {
                return defaults;
            }
            Path root = cache.dir().orElseGet(ClusterSnapshots::defaultRoot);
            return defaults.withSnapshots(root, cache.maxMegabytes() << 20);
        }

        /** These options, keeping clusters in {@code root}, at most {@code maxBytes} of them. */
        Options withSnapshots(Path root, long maxBytes) {
            return new Options(extraSettings, workRoot, ports,
                    Optional.of((bin, version) -> ClusterSnapshots.of(root, bin, version, maxBytes)));
        }
    }

    /**
     * PostgresSettings for a throwaway test server: no durability, localhost only, enough connections for parallel tests.
     * {@code extraSettings} are added last, so they win; tests use them to make the start fail on purpose.
     */
    static Map<String, String> serverSettings(int port, Path socketDir, Map<String, String> extraSettings) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("port", Integer.toString(port));
        // One address, the one the free-port probe checked: with "localhost" a server that cannot bind 127.0.0.1 still starts
        // on ::1 alone, and clients reaching 127.0.0.1 would find whoever holds that port.
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", socketDir.toString());
        settings.put("max_connections", "200");
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("full_page_writes", "off");
        settings.putAll(extraSettings);
        return settings;
    }

    /**
     * Initialises a cluster in a new temporary directory and starts it on a free port.
     *
     * @param description how messages name this server, e.g. {@code PostgreSQL (embedded) 17.11}
     * @throws io.github.dbtestkit.core.ProvisioningException with the last lines of the server log when it does not start; nothing is left
     *                               behind then
     */
    static PostgresCluster start(Path binDir, String description, Options options, RootCheck rootCheck) {
        return start(binDir, description, options, rootCheck, "");
    }

    /**
     * As {@link #start(Path, String, Options, RootCheck)}; with a cache in {@code options}, the data folder is copied
     * from the snapshot of these binaries ({@code version} tells them apart) when there is one, and initdb runs only
     * when there is none (or the copy does not start, which discards the snapshot).
     */
    static PostgresCluster start(Path binDir, String description, Options options, RootCheck rootCheck, String version) {
        List<String> prefix = rootCheck.commandPrefix(description);
        Map<String, String> extraSettings = options.extraSettings();
        Path tempDir = null;
        try {
            Files.createDirectories(options.workRoot());
            ClusterOrphans.sweepOrphans(options.workRoot());
            tempDir = Files.createTempDirectory(options.workRoot(), TEMP_PREFIX);
            Files.writeString(tempDir.resolve(OWNER_FILE), ClusterOrphans.ownerToken());
        } catch (IOException e) {
            if (tempDir != null) {
                ClusterFiles.deleteRecursively(tempDir);
            }
            throw new ProvisioningException("Cannot create a temporary directory for " + description + " in "
                    + options.workRoot() + ": " + ClusterFiles.describe(e) + ". Make that folder writable and free some space"
                    + " in it (a cluster needs about 40 MB), or point java.io.tmpdir at another folder"
                    + " (-Djava.io.tmpdir=<folder> in the test JVM's argLine).", e);
        }
        Path dataDir = tempDir.resolve("data");
        Path serverLog = tempDir.resolve("server.log");
        Path toolLog = tempDir.resolve("tools.log");
        Optional<ClusterSnapshots> snapshots = options.snapshots().map(of -> of.apply(binDir, version));
        boolean restored = snapshots.map(s -> s.restoreInto(dataDir)).orElse(false);
        try {
            if (!restored) {
                initdb(prefix, binDir, toolLog, dataDir);
            }
            int port = 0;
            for (int attempt = 1; ; attempt++) {
                port = options.ports().getAsInt();
                // postgresql.conf includes this file; it is rewritten per start, so a copied cluster gets its own port
                ClusterFiles.writeSettings(dataDir.resolve(SETTINGS_FILE), serverSettings(port, tempDir, extraSettings));
                try {
                    ClusterProcesses.run(prefix, binDir, toolLog, START_TIMEOUT.plusSeconds(15),
                            "pg_ctl", "-D", dataDir.toString(), "-l", serverLog.toString(), "-w",
                            "-t", Long.toString(START_TIMEOUT.toSeconds()), "start");
                    break;
                } catch (ClusterStartFailure e) {
                    if (restored && ClusterProcesses.readPid(dataDir).isEmpty()
                            && !ClusterFiles.tail(serverLog).map(t -> t.contains("Address already in use")).orElse(false)) {
                        // a snapshot that does not start (another build of the binaries, a damaged copy): start afresh
                        LOG.warn("{} did not start from the cached cluster {}; initialising a new one. Its log:\n{}", description,
                                snapshots.get().home(), ClusterFiles.tail(serverLog).orElse("(nothing was logged)"));
                        snapshots.get().discard();
                        restored = false;
                        ClusterFiles.deleteRecursively(dataDir);
                        Files.deleteIfExists(serverLog);
                        initdb(prefix, binDir, toolLog, dataDir);
                        attempt = 0;
                        continue;
                    }
                    // Another process may take the free port between our probe and the server's bind.
                    boolean portTaken = ClusterFiles.tail(serverLog).map(t -> t.contains("Address already in use")).orElse(false);
                    if (!portTaken || attempt == PORT_ATTEMPTS || ClusterProcesses.readPid(dataDir).isPresent()) {
                        throw e;
                    }
                    LOG.debug("Port {} was taken before {} could bind it; trying another", port, description);
                }
            }
            long pid = ClusterProcesses.readPid(dataDir).orElseThrow(() -> new ClusterStartFailure("pg_ctl reported a start but wrote no postmaster.pid"));
            LOG.debug("{} running as pid {} on port {} in {}{}", description, pid, port, tempDir,
                    restored ? " (copied from the cluster cache)" : "");
            return new PostgresCluster(binDir, prefix, tempDir, dataDir, port, pid, snapshots, restored);
        } catch (ClusterStartFailure e) {
            // initdb writes only to its own output; once the server ran, its reasons are in the server log.
            String tail = ClusterFiles.tail(serverLog).or(() -> ClusterFiles.tail(toolLog)).orElse("(nothing was logged)");
            ClusterProcesses.stopAndDelete(binDir, prefix, tempDir, dataDir, ClusterProcesses.readPid(dataDir));
            throw new ProvisioningException(description + " did not start: " + e.getMessage()
                    + ". Last lines of its log:\n" + tail + diskHint(tail, options.workRoot()), e);
        } catch (IOException e) {
            ClusterProcesses.stopAndDelete(binDir, prefix, tempDir, dataDir, ClusterProcesses.readPid(dataDir));
            throw new ProvisioningException(description + " did not start: " + ClusterFiles.describe(e), e);
        } catch (RuntimeException e) {
            ClusterProcesses.stopAndDelete(binDir, prefix, tempDir, dataDir, ClusterProcesses.readPid(dataDir));
            throw e;
        }
    }

    /** The file of per-start settings (port, socket folder, durability) that postgresql.conf includes. */
    static final String SETTINGS_FILE = "dbtestkit.conf";

    private static void initdb(List<String> prefix, Path binDir, Path toolLog, Path dataDir) {
        ClusterProcesses.run(prefix, binDir, toolLog, Duration.ofSeconds(120),
                "initdb", "-D", dataDir.toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF-8", "--no-locale", "-N");
        ClusterFiles.appendLine(dataDir.resolve("postgresql.conf"), "include_if_exists = '" + SETTINGS_FILE + "'");
    }





    /** What to do when the log says the disk is full or the folder is read-only, which the log alone does not say. */
    private static String diskHint(String tail, Path workRoot) {
        if (tail.contains("No space left on device")) {
            return "\nThe disk holding " + workRoot + " is full: free some space there, or point java.io.tmpdir at another folder.";
        }
        if (tail.contains("Read-only file system") || tail.contains("Permission denied")) {
            return "\n" + workRoot + " cannot be written: make it writable, or point java.io.tmpdir at another folder.";
        }
        return "";
    }

    int port() {
        return port;
    }

    long pid() {
        return pid;
    }

    Path directory() {
        return tempDir;
    }

    /** A JDBC URL of {@code database} on this cluster. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Whether the data folder was copied from the cluster cache rather than initialised. */
    boolean restored() {
        return restored;
    }

    /** Whether closing keeps a copy of the data folder in the cluster cache. */
    boolean savesSnapshot() {
        return snapshots.isPresent() && (changed || !restored);
    }

    /** Notes that the cluster now holds something a later run can use (a cached template): closing saves a copy. */
    void markChanged() {
        changed = true;
    }

    /** Notes that a template of the cache was used, for eviction by least recent use. */
    void templateUsed(String database) {
        snapshots.ifPresent(s -> s.touchTemplate(database));
    }

    /** When a run last used a template of the cache, as far as this cluster's snapshot folder knows. */
    Optional<Long> templateLastUsed(String database) {
        return snapshots.flatMap(s -> s.templateUsed(database));
    }

    /**
     * Stops the server (fast, then immediate, then kill) and deletes its directory; with a cache, a cleanly stopped
     * cluster that the cache does not hold yet (a first run, or new templates) is copied there first. Idempotent; never
     * throws.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (savesSnapshot()) {
            ClusterProcesses.stop(binDir, prefix, dataDir, "fast");
            // pg_ctl stop -w returns once the postmaster removed its pid file, which it does last in a clean shutdown
            // (the process itself may linger as a zombie until init reaps it)
            boolean stoppedCleanly = ClusterProcesses.readPid(dataDir).isEmpty();
            if (stoppedCleanly) {
                // a first run saves only when no other JVM saved meanwhile: any snapshot is at least as good as a new cluster
                if (changed || !snapshots.get().exists()) {
                    snapshots.get().save(dataDir);
                }
            }
        }
        ClusterProcesses.stopAndDelete(binDir, prefix, tempDir, dataDir, Optional.of(pid));
    }
}
