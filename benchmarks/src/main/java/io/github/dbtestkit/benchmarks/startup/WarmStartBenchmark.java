package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.Folders;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold against warm start on PostgreSQL: fresh JVMs each run one migrated PostgreSQL test ({@link MigratedPostgresFirstTest},
 * embedded provider), with the template cache empty (cold: {@code initdb} and eight Flyway migrations), with the cache a
 * previous JVM left (warm: a copied cluster and a copied template), and with the cache off (as before the cache); the
 * baseline is a plain JUnit test in the same kind of JVM. Variants are interleaved child by child; medians reported.
 *
 * <pre>{@code
 * mvn -B -pl benchmarks -am -Pbench verify -DskipTests -Dbench.only=warm-start
 * }</pre>
 */
public final class WarmStartBenchmark implements Benchmark {

    /** Issue 9's target: the first PostgreSQL test of a fresh JVM within 0.6 s, warm. */
    static final double WARM_TARGET_MILLIS = 600;

    private static final String PLAIN = "plain JUnit (baseline)";
    private static final String COLD = "cold: empty cache";
    private static final String WARM = "warm: cache of an earlier run";
    private static final String OFF = "cache off";

    @Override
    public String id() {
        return "warm-start";
    }

    @Override
    public String description() {
        return "fresh JVM to the first migrated PostgreSQL test, cold (empty template cache) vs warm (an earlier run's"
                + " cache) vs cache off, against a plain JUnit test in the same kind of JVM";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        Map<String, Samples> wall = new LinkedHashMap<>();
        Map<String, Samples> cpu = new LinkedHashMap<>();
        for (String variant : List.of(PLAIN, COLD, WARM, OFF)) {
            wall.put(variant, new Samples());
            cpu.put(variant, new Samples());
        }
        Path warmCache = Folders.createTemp("dbtestkit-bench-warm-cache");
        try {
            report.progress("  filling the warm cache with one untimed child JVM...");
            child(warmCache, true);
            if (!options.smoke()) {
                report.progress("  warming up the OS's file cache: one untimed child per variant...");
                ChildJvm.firstTest(FirstTestChild.PLAIN);
                coldChild();
            }
            int rounds = options.smoke() ? 1 : options.jvms();
            for (int i = 0; i < rounds; i++) {
                report.progress("  child JVMs, round " + (i + 1) + " of " + rounds + "...");
                record(PLAIN, ChildJvm.firstTest(FirstTestChild.PLAIN), wall, cpu);
                record(COLD, coldChild(), wall, cpu);
                record(WARM, child(warmCache, true), wall, cpu);
                Path off = Folders.createTemp("dbtestkit-bench-off-cache");
                try {
                    record(OFF, child(off, false), wall, cpu);
                } finally {
                    Folders.delete(off);
                }
            }
        } finally {
            Folders.delete(warmCache);
        }
        double baseline = wall.get(PLAIN).median();
        double cold = wall.get(COLD).median();
        Table table = new Table("variant", "launch→first test ms", "min..max ms", "minus baseline ms", "ratio to cold",
                "target ms", "met", "JVM CPU ms");
        for (var entry : wall.entrySet()) {
            String variant = entry.getKey();
            Samples samples = entry.getValue();
            boolean target = variant.equals(WARM);
            table.row(variant, Table.number(samples.median(), 0),
                    Table.number(samples.min(), 0) + ".." + Table.number(samples.max(), 0),
                    variant.equals(PLAIN) ? "-" : Table.number(samples.median() - baseline, 0),
                    variant.equals(PLAIN) ? "-" : Table.ratio(samples.median(), cold),
                    target ? Table.number(WARM_TARGET_MILLIS, 0) : "-",
                    target ? (samples.median() <= WARM_TARGET_MILLIS ? "yes" : "NO") : "-",
                    Table.number(cpu.get(variant).median(), 0));
            report.samples(variant + " · launch→first test", "ms", samples);
            report.samples(variant + " · JVM CPU", "ms", cpu.get(variant));
        }
        report.table("Time to the first migrated PostgreSQL test in a fresh JVM (embedded provider):", table);
        report.note("warm minus baseline = what dbtestkit and PostgreSQL add to a plain JUnit test on a warm start: "
                + Table.number(wall.get(WARM).median() - baseline, 0) + " ms (cold: " + Table.number(cold - baseline, 0)
                + " ms). The target (" + Table.number(WARM_TARGET_MILLIS, 0) + " ms) is for the whole launch→first test.");
        report.note("launch→first test = from ProcessBuilder.start() to the test's first line of output; medians of "
                + rounds(options) + " child JVMs per variant; cold children each get an empty cache folder (and save"
                + " their cluster into it after the test, which is not timed).");
    }

    private static int rounds(BenchmarkOptions options) {
        return options.smoke() ? 1 : options.jvms();
    }

    private static ChildJvm.Timing coldChild() throws Exception {
        Path empty = Folders.createTemp("dbtestkit-bench-cold-cache");
        try {
            return child(empty, true);
        } finally {
            Folders.delete(empty);
        }
    }

    private static ChildJvm.Timing child(Path cache, boolean on) throws Exception {
        Path report = Folders.createTemp("dbtestkit-bench-report");
        try {
            return ChildJvm.firstTest(WarmStartChild.class, on ? "warm-start cache " + cache : "cache off",
                    List.of(cache.toString(), on ? "on" : "off", report.toString()));
        } finally {
            Folders.delete(report);
        }
    }

    private static void record(String variant, ChildJvm.Timing timing, Map<String, Samples> wall, Map<String, Samples> cpu) {
        wall.get(variant).add(timing.wallMillis());
        cpu.get(variant).add(timing.cpuMillis());
    }
}
