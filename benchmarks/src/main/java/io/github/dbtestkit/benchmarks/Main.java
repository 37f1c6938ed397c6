package io.github.dbtestkit.benchmarks;

import io.github.dbtestkit.benchmarks.blog.BlogWorkersBenchmark;
import io.github.dbtestkit.benchmarks.blog.BlogWorkloadBenchmark;
import io.github.dbtestkit.benchmarks.fresh.FreshDatabaseBenchmark;
import io.github.dbtestkit.benchmarks.migration.MigrationReuseBenchmark;
import io.github.dbtestkit.benchmarks.migration.MigrationScalingBenchmark;
import io.github.dbtestkit.benchmarks.overhead.RollbackOverheadBenchmark;
import io.github.dbtestkit.benchmarks.scaling.TestCountScalingBenchmark;
import io.github.dbtestkit.benchmarks.startup.FirstTestBenchmark;
import io.github.dbtestkit.benchmarks.validation.ValidationScalingBenchmark;

import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import io.github.dbtestkit.benchmarks.harness.Provisioners;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.ResultsFile;
import io.github.dbtestkit.benchmarks.harness.RunEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs the selected benchmarks and prints their tables. Options are {@code bench.*} system properties (see
 * {@link BenchmarkOptions}); {@code docs/benchmarks.md} tells how to run it.
 *
 * <pre>{@code
 * java -Dbench.engines=h2 -Dbench.iterations=200 -cp <classpath> io.github.dbtestkit.benchmarks.Main
 * mvn -B -pl benchmarks -am -Pbench verify -DskipTests -Dbench.engines=h2
 * }</pre>
 */
public final class Main {

    /**
     * Every benchmark, in the order they run. A new measurement is one more class implementing {@link Benchmark},
     * added here (and described in {@code docs/benchmarks.md}).
     */
    static List<Benchmark> all() {
        return List.of(new RollbackOverheadBenchmark(), new FirstTestBenchmark(), new io.github.dbtestkit.benchmarks.startup.WarmStartBenchmark(),
                new MigrationReuseBenchmark(), new MigrationScalingBenchmark(), new ValidationScalingBenchmark(),
                new BlogWorkloadBenchmark(), new BlogWorkersBenchmark(), new TestCountScalingBenchmark(), new FreshDatabaseBenchmark(),
                new io.github.dbtestkit.benchmarks.micro.MicroBenchmark());
    }

    private Main() {
    }

    /**
     * Key of the results file, {@code RESULTS.md} (and {@code RESULTS.json} beside it); empty to write none. Smoke
     * runs write none.
     */
    public static final String RESULTS = "bench.results";
    /** Key of a line about the run's conditions for the results file, e.g. "2 cores shared with other builds". */
    public static final String CONDITIONS = "bench.conditions";

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        PrintStream out = System.out;
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.fromSystemProperties();
            requireKnownIds(options.only());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // A smoke run's numbers mean nothing: it never replaces the results of a real run.
        String resultsFile = options.smoke() ? "" : System.getProperty(RESULTS, "").trim();

        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        double loadStart = loadAverage();
        out.println("dbtestkit benchmarks, " + started + ", Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + load(loadStart));
        out.println("options: " + options.describe());
        if (options.smoke()) {
            out.println("smoke mode: every benchmark once at its smallest sizes, to fail when one throws; the numbers"
                    + " mean nothing");
        }

        List<ResultsFile.Entry> entries = new ArrayList<>();
        Map<String, String> databases = new LinkedHashMap<>();
        int failures = 0;
        for (Benchmark benchmark : all()) {
            if (!options.selects(benchmark.id())) {
                continue;
            }
            out.println();
            out.println("== " + benchmark.id() + ": " + benchmark.description());
            Report report = new Report(out);
            String failure = null;
            long benchmarkStart = System.nanoTime();
            try {
                benchmark.run(options, report);
            } catch (Exception | LinkageError e) {
                failures++;
                StringBuilder reason = new StringBuilder(e.toString());
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    reason.append("; caused by ").append(cause);
                }
                failure = reason.toString();
                out.println("FAILED: " + benchmark.id() + " could not be measured: " + e);
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    out.println("  caused by " + cause);
                }
                if (options.smoke()) {
                    e.printStackTrace(out);
                }
            }
            out.println("(" + benchmark.id() + " took " + Math.round((System.nanoTime() - benchmarkStart) / 1e9) + " s)");
            databases.putAll(report.databases());
            entries.add(new ResultsFile.Entry(benchmark.id(), benchmark.description(), report, failure));
        }
        InProcessLauncher.closeShared();
        Provisioners.closeShared();
        double loadEnd = loadAverage();
        out.println();
        out.println("load average at the end " + load(loadEnd)
                + " (1-minute average; the harness itself keeps one core busy, so a figure well above 1 means other"
                + " processes competed for the CPU: expect noise)");
        if (!resultsFile.isEmpty()) {
            Path markdown = Path.of(resultsFile);
            try {
                ResultsFile.write(markdown, new ResultsFile.Run(started, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        command(), options.describe(), conditions(options, loadStart, loadEnd), loadStart, loadEnd,
                        RunEnvironment.machine(), RunEnvironment.versions(databases)), entries);
                out.println("results written to " + markdown.toAbsolutePath().normalize() + " and "
                        + ResultsFile.jsonPath(markdown).getFileName());
            } catch (IOException e) {
                failures++;
                out.println("FAILED: the results could not be written to " + markdown + ": " + e);
            }
        }
        if (options.smoke()) {
            out.println(failures == 0 ? "smoke: every benchmark ran" : "smoke: " + failures + " benchmark(s) failed");
        }
        // Embedded PostgreSQL is stopped by the launcher session and the extension's shutdown hook; exit explicitly
        // so a non-daemon thread left by a driver cannot keep the JVM alive.
        System.exit(failures == 0 ? 0 : 1);
    }

    /**
     * The command as it was typed: Maven's arguments when Maven started this JVM (its {@code mvn} script exports them
     * as {@code MAVEN_CMD_LINE_ARGS}), else this JVM's options and main class, with the class path left out.
     */
    static String command() {
        String maven = System.getenv("MAVEN_CMD_LINE_ARGS");
        if (maven != null && !maven.isBlank()) {
            return "mvn " + requote(maven.trim(), System.getProperties());
        }
        List<String> shown = new ArrayList<>(List.of("java"));
        shown.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        shown.addAll(List.of("-cp", "<class path>", Main.class.getName()));
        return String.join(" ", shown);
    }

    /**
     * Maven's {@code MAVEN_CMD_LINE_ARGS} joins the arguments with spaces and drops the shell's quotes, so
     * {@code -Dbench.conditions=a quiet machine} would not run as shown: a {@code bench.*} property whose value has
     * white space is quoted again, so that the command can be pasted back into a shell.
     */
    static String requote(String arguments, java.util.Properties properties) {
        String quoted = arguments;
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            String argument = "-D" + key + "=" + value;
            if (key.startsWith("bench.") && value.chars().anyMatch(Character::isWhitespace) && quoted.contains(argument)) {
                quoted = quoted.replace(argument, "'" + argument.replace("'", "'\\''") + "'");
            }
        }
        return quoted;
    }

    /** What a reader of the results must know about how much the numbers can be trusted. */
    static List<String> conditions(BenchmarkOptions options, double loadStart, double loadEnd) {
        List<String> lines = new ArrayList<>();
        String given = System.getProperty(CONDITIONS, "").trim();
        if (!given.isEmpty()) {
            lines.add(given);
        }
        if (options.smoke()) {
            lines.add("Smoke mode (" + BenchmarkOptions.SMOKE + "=true): every benchmark once at its smallest sizes, to"
                    + " check that it runs. These numbers are not measurements: do not quote them.");
        } else if (!options.isFullRun()) {
            lines.add("A short run (" + options.describe() + "; a full run is bench.iterations=1000 bench.warmups=5"
                    + " bench.rounds=10 bench.jvms=5): fewer rounds, so wider ranges and less reliable medians.");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double load = Math.max(loadStart, loadEnd);
        if (load >= 0 && load > 1.5) {
            lines.add("The 1-minute load average reached " + load(load) + " on " + cores + " cores (the harness alone"
                    + " accounts for about 1): other processes competed for the CPU, so wall-clock figures are inflated"
                    + " and noisy; compare the CPU-time columns, and ratios within one run rather than across runs.");
        }
        return lines;
    }

    /**
     * @throws IllegalArgumentException naming an id in {@code bench.only} that no benchmark has, and the valid ones
     */
    static void requireKnownIds(Set<String> only) {
        Set<String> known = all().stream().map(Benchmark::id).collect(Collectors.toCollection(TreeSet::new));
        for (String id : only) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("Unknown benchmark '" + id + "' in " + BenchmarkOptions.ONLY
                        + ": expected all or a comma-separated list of " + String.join(", ", known) + ".");
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String load(double load) {
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }
}
