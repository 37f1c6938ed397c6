package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
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
    private static final int LOG_TAIL_LINES = 20;
    private static final int PORT_ATTEMPTS = 3;
    private static final String TEMP_PREFIX = "dbtestkit-pg-";
    /** Names the JVM that started a cluster, so that a later JVM can clean up after one that was killed. */
    private static final String OWNER_FILE = "owner";

    private final Path binDir;
    private final List<String> prefix;
    private final Path tempDir;
    private final Path dataDir;
    private final int port;
    private final long pid;
    private boolean closed;

    private PostgresCluster(Path binDir, List<String> prefix, Path tempDir, Path dataDir, int port, long pid) {
        this.binDir = binDir;
        this.prefix = prefix;
        this.tempDir = tempDir;
        this.dataDir = dataDir;
        this.port = port;
        this.pid = pid;
    }

    /**
     * How a cluster is run beyond the defaults: for tests of dbtestkit itself.
     *
     * @param extraSettings server settings added last, e.g. a bad value to make the start fail on purpose
     * @param workRoot      where the cluster's temporary directory is created, {@code java.io.tmpdir} by default
     * @param ports         picks the port of each start attempt, a free one by default
     */
    record Options(Map<String, String> extraSettings, Path workRoot, java.util.function.IntSupplier ports) {

        Options(Map<String, String> extraSettings, Path workRoot) {
            this(extraSettings, workRoot, PostgresCluster::freePort);
        }

        static Options defaults() {
            return new Options(Map.of(), Path.of(System.getProperty("java.io.tmpdir")));
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
        List<String> prefix = rootCheck.commandPrefix(description);
        Map<String, String> extraSettings = options.extraSettings();
        Path tempDir = null;
        try {
            Files.createDirectories(options.workRoot());
            sweepOrphans(options.workRoot());
            tempDir = Files.createTempDirectory(options.workRoot(), TEMP_PREFIX);
            Files.writeString(tempDir.resolve(OWNER_FILE), ownerToken(ProcessHandle.current()));
        } catch (IOException e) {
            if (tempDir != null) {
                deleteRecursively(tempDir);
            }
            throw new UncheckedIOException("Cannot create a temporary directory for " + description + " in "
                    + options.workRoot() + ": " + e.getMessage(), e);
        }
        Path dataDir = tempDir.resolve("data");
        Path serverLog = tempDir.resolve("server.log");
        Path toolLog = tempDir.resolve("tools.log");
        try {
            run(prefix, binDir, toolLog, Duration.ofSeconds(120),
                    "initdb", "-D", dataDir.toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF-8", "--no-locale", "-N");
            int port = 0;
            for (int attempt = 1; ; attempt++) {
                port = options.ports().getAsInt();
                // Later lines of postgresql.conf win, so a retry simply appends another port.
                appendSettings(dataDir.resolve("postgresql.conf"), serverSettings(port, tempDir, extraSettings));
                try {
                    run(prefix, binDir, toolLog, START_TIMEOUT.plusSeconds(15),
                            "pg_ctl", "-D", dataDir.toString(), "-l", serverLog.toString(), "-w",
                            "-t", Long.toString(START_TIMEOUT.toSeconds()), "start");
                    break;
                } catch (StartFailure e) {
                    // Another process may take the free port between our probe and the server's bind.
                    boolean portTaken = tail(serverLog).map(t -> t.contains("Address already in use")).orElse(false);
                    if (!portTaken || attempt == PORT_ATTEMPTS || readPid(dataDir).isPresent()) {
                        throw e;
                    }
                    LOG.debug("Port {} was taken before {} could bind it; trying another", port, description);
                }
            }
            long pid = readPid(dataDir).orElseThrow(() -> new StartFailure("pg_ctl reported a start but wrote no postmaster.pid"));
            LOG.debug("{} running as pid {} on port {} in {}", description, pid, port, tempDir);
            return new PostgresCluster(binDir, prefix, tempDir, dataDir, port, pid);
        } catch (StartFailure e) {
            // initdb writes only to its own output; once the server ran, its reasons are in the server log.
            String tail = tail(serverLog).or(() -> tail(toolLog)).orElse("(nothing was logged)");
            stopAndDelete(binDir, prefix, tempDir, dataDir, readPid(dataDir));
            throw new ProvisioningException(description + " did not start: " + e.getMessage()
                    + ". Last lines of its log:\n" + tail, e);
        } catch (RuntimeException e) {
            stopAndDelete(binDir, prefix, tempDir, dataDir, readPid(dataDir));
            throw e;
        }
    }

    /**
     * Stops and deletes clusters whose JVM died without closing them (killed, or {@code kill -9} in an IDE): their
     * owner file names a process that no longer runs. Clusters of live JVMs are left alone.
     */
    static void sweepOrphans(Path workRoot) {
        try (Stream<Path> dirs = Files.list(workRoot)) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith(TEMP_PREFIX))
                    .filter(dir -> Files.isRegularFile(dir.resolve(OWNER_FILE)))
                    .filter(PostgresCluster::ownerIsGone)
                    .forEach(dir -> {
                        LOG.info("Removing PostgreSQL cluster {} left behind by a JVM that ended without closing it", dir);
                        readPid(dir.resolve("data")).flatMap(ProcessHandle::of).ifPresent(PostgresCluster::terminate);
                        deleteRecursively(dir);
                    });
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not look for abandoned clusters in {}: {}", workRoot, e.toString());
        }
    }

    private static boolean ownerIsGone(Path dir) {
        try {
            String token = Files.readString(dir.resolve(OWNER_FILE)).trim();
            long pid = Long.parseLong(token.split(" ")[0]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(owner -> !ownerToken(owner).equals(token)).orElse(true);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The pid plus the start instant, so that a recycled pid does not pass for the owner. */
    private static String ownerToken(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
    }

    /** SIGTERM first (a postmaster with no clients shuts down at once), SIGKILL if it lingers. */
    private static void terminate(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
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

    /** Stops the server (fast, then immediate, then kill) and deletes its directory. Idempotent; never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAndDelete(binDir, prefix, tempDir, dataDir, Optional.of(pid));
    }

    private static void stopAndDelete(Path binDir, List<String> prefix, Path tempDir, Path dataDir, Optional<Long> pid) {
        try {
            if (pid.isPresent() && isAlive(pid.get())) {
                stop(binDir, prefix, dataDir, "fast");
                if (isAlive(pid.get())) {
                    stop(binDir, prefix, dataDir, "immediate");
                }
                ProcessHandle.of(pid.get()).ifPresent(postmaster -> {
                    postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
                    postmaster.destroyForcibly();
                    postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> postmaster).join();
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not stop the PostgreSQL server in {}: {}", tempDir, e.toString());
        }
        deleteRecursively(tempDir);
    }

    private static void stop(Path binDir, List<String> prefix, Path dataDir, String mode) {
        try {
            Process process = new ProcessBuilder(command(prefix, binDir, "pg_ctl", "-D", dataDir.toString(), "-m", mode, "-w", "-t", "30", "stop"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            LOG.debug("pg_ctl stop -m {} failed: {}", mode, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void run(List<String> prefix, Path binDir, Path toolLog, Duration timeout, String... tool) {
        List<String> command = command(prefix, binDir, tool);
        LOG.debug("Running {}", String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(toolLog.toFile()))
                    .start();
        } catch (IOException e) {
            throw new StartFailure("cannot run " + command.get(0) + ": " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new StartFailure(tool[0] + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StartFailure("interrupted while waiting for " + tool[0]);
        }
        if (process.exitValue() != 0) {
            throw new StartFailure(tool[0] + " exited with " + process.exitValue());
        }
    }

    private static List<String> command(List<String> prefix, Path binDir, String... tool) {
        List<String> command = new ArrayList<>(prefix);
        command.add(binDir.resolve(tool[0]).toString());
        command.addAll(List.of(tool).subList(1, tool.length));
        return command;
    }

    private static void appendSettings(Path config, Map<String, String> settings) {
        StringBuilder lines = new StringBuilder("\n# dbtestkit: a throwaway test server\n");
        settings.forEach((key, value) -> lines.append(key).append(" = '").append(value.replace("'", "''")).append("'\n"));
        try {
            Files.writeString(config, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new StartFailure("cannot write " + config + ": " + e.getMessage());
        }
    }

    private static Optional<Long> readPid(Path dataDir) {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartFailure("no free port on localhost: " + e.getMessage());
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

    /** Why initdb or pg_ctl did not get the server running; becomes the message's middle part. */
    private static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }
}
