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

/** Runs PostgreSQL's tools ({@code initdb}, {@code pg_ctl}) for a cluster, and stops a cluster for good. */
final class ClusterProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);

    private ClusterProcesses() {
    }

    static void stopAndDelete(Path binDir, List<String> prefix, Path tempDir, Path dataDir, Optional<Long> pid) {
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
        ClusterFiles.deleteRecursively(tempDir);
    }

    static void stop(Path binDir, List<String> prefix, Path dataDir, String mode) {
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

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void run(List<String> prefix, Path binDir, Path toolLog, Duration timeout, String... tool) {
        List<String> command = command(prefix, binDir, tool);
        LOG.debug("Running {}", String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(toolLog.toFile()))
                    .start();
        } catch (IOException e) {
            throw new ClusterStartFailure("cannot run " + command.get(0) + ": " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ClusterStartFailure(tool[0] + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new ClusterStartFailure("interrupted while waiting for " + tool[0]);
        }
        if (process.exitValue() != 0) {
            throw new ClusterStartFailure(tool[0] + " exited with " + process.exitValue());
        }
    }

    static List<String> command(List<String> prefix, Path binDir, String... tool) {
        List<String> command = new ArrayList<>(prefix);
        command.add(binDir.resolve(tool[0]).toString());
        command.addAll(List.of(tool).subList(1, tool.length));
        return command;
    }

    static Optional<Long> readPid(Path dataDir) {
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
}
