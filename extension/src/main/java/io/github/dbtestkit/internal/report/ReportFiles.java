package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a JVM's report so that the JVMs of one build (Surefire with {@code forkCount > 1}) never overwrite each
 * other: under a file lock, each writes its own {@code forks/report-<run>-<fork>.json}, deletes per-fork files of
 * other builds, merges every per-fork file of its build, and writes the merged {@code report.json}, {@code report.md}
 * and {@code report.html}. The last JVM to finish so writes the whole build's report.
 *
 * <pre>{@code
 * RunReport merged = ReportFiles.write(results.report(), Path.of("target/dbtestkit"), ForkIdentity.current());
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReportFiles {

    /** The merged JSON report's file name. */
    public static final String JSON = "report.json";
    /** The merged Markdown report's file name. */
    public static final String MARKDOWN = "report.md";
    /** The merged HTML report's file name. */
    public static final String HTML = "report.html";
    /** The folder of the per-fork JSON files, below the report folder. */
    public static final String FORKS = "forks";
    private static final String LOCK = ".report.lock";
    private static final Logger LOG = LoggerFactory.getLogger(ReportFiles.class);
    /** A JVM holds a file lock once: its own writers take turns here first. */
    private static final Object IN_JVM = new Object();

    private ReportFiles() {
    }

    /** Writes {@code own} as {@code fork}'s file and the build's merged report; returns the merged report. */
    public static RunReport write(RunReport own, Path dir, ForkIdentity fork) throws IOException {
        Path forks = dir.resolve(FORKS);
        Files.createDirectories(forks);
        synchronized (IN_JVM) {
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                replace(forks.resolve(fileName(fork)), JsonReport.write(own));
                RunReport merged = RunReport.merge(readBuild(forks, fork.run()));
                replace(dir.resolve(JSON), JsonReport.write(merged));
                replace(dir.resolve(MARKDOWN), MarkdownReport.render(merged, dir));
                replace(dir.resolve(HTML), HtmlReport.render(merged, dir));
                return merged;
            }
        }
    }

    /** {@code report-<run>-<fork>.json}. */
    static String fileName(ForkIdentity fork) {
        return "report-" + fork.run() + "-" + fork.fork() + ".json";
    }

    /** The per-fork reports of {@code run}; those of other builds are deleted, unreadable ones skipped. */
    static List<RunReport> readBuild(Path forks, String run) throws IOException {
        List<RunReport> reports = new ArrayList<>();
        String prefix = "report-" + run + "-";
        try (Stream<Path> files = Files.list(forks)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                if (!file.getFileName().toString().startsWith(prefix)) {
                    Files.deleteIfExists(file);
                    continue;
                }
                try {
                    reports.add(JsonReport.read(Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException e) {
                    LOG.warn("dbtestkit skips the per-fork report {}: {}", file, e.getMessage());
                }
            }
        }
        return reports;
    }

    /** Writes beside the target and moves over it, so a reader never sees half a file. */
    private static void replace(Path target, String content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
