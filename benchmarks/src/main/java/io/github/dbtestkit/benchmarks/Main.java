package io.github.dbtestkit.benchmarks;

import io.github.dbtestkit.benchmarks.migration.MigrationReuseBenchmark;
import io.github.dbtestkit.benchmarks.migration.MigrationScalingBenchmark;
import io.github.dbtestkit.benchmarks.overhead.RollbackOverheadBenchmark;
import io.github.dbtestkit.benchmarks.startup.FirstTestBenchmark;
import io.github.dbtestkit.benchmarks.validation.ValidationScalingBenchmark;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
        return List.of(new RollbackOverheadBenchmark(), new FirstTestBenchmark(), new MigrationReuseBenchmark(),
                new MigrationScalingBenchmark(), new ValidationScalingBenchmark());
    }

    private Main() {
    }

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

        out.println("dbtestkit benchmarks, " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + ", Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores"
                + ", load average " + loadAverage());
        out.println("options: " + options.describe());

        int failures = 0;
        for (Benchmark benchmark : all()) {
            if (!options.selects(benchmark.id())) {
                continue;
            }
            out.println();
            out.println("== " + benchmark.id() + ": " + benchmark.description());
            try {
                benchmark.run(options, out);
            } catch (Exception e) {
                failures++;
                out.println("FAILED: " + benchmark.id() + " could not be measured: " + e);
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    out.println("  caused by " + cause);
                }
            }
        }
        out.println();
        out.println("load average at the end " + loadAverage()
                + " (1-minute average; the harness itself keeps one core busy, so a figure well above 1 means other"
                + " processes competed for the CPU: expect noise)");
        // Embedded PostgreSQL is stopped by the launcher session and the extension's shutdown hook; exit explicitly
        // so a non-daemon thread left by a driver cannot keep the JVM alive.
        System.exit(failures == 0 ? 0 : 1);
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

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }
}
