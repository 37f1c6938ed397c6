package io.github.dbtestkit.benchmarks.startup;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Time to first test in a fresh JVM: a child JVM runs one {@link FirstDatabaseTest} per engine, against the same
 * child running {@link FirstPlainTest} (JVM and JUnit startup, no database) and, for H2, {@link FirstHibernateByHandTest}
 * (what a hand-written Hibernate test pays without dbtestkit) and {@link FirstHibernateMetadataOnlyTest} (Hibernate's
 * schema creation without a SessionFactory). Variants are interleaved child by child;
 * one untimed child per variant goes first so that one-off work (the OS's file cache, zonky unpacking its binaries)
 * is not charged to the first timed one. Medians are reported.
 *
 * <pre>{@code
 * new FirstTestBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class FirstTestBenchmark implements Benchmark {

    /** The target for H2: the first test starts within 1.5 s of launching the JVM. */
    static final double H2_TARGET_MILLIS = 1500;

    private static String signed(double millis) {
        return (millis >= 0 ? "+" : "") + Table.number(millis, 0);
    }

    private static String label(String variant) {
        return switch (variant) {
            case FirstTestChild.PLAIN -> "plain JUnit (baseline)";
            case FirstTestChild.H2_HIBERNATE -> "Hibernate SessionFactory by hand, H2";
            case FirstTestChild.H2_METADATA -> "Hibernate metadata + create only, H2";
            default -> "dbtestkit " + variant;
        };
    }

    private static void record(String variant, ChildJvm.Timing timing, Map<String, Samples> wall,
                               Map<String, Samples> uptime, Map<String, Samples> cpu) {
        wall.get(variant).add(timing.wallMillis());
        uptime.get(variant).add(timing.uptimeMillis());
        cpu.get(variant).add(timing.cpuMillis());
    }

    @Override
    public String id() {
        return "first-test";
    }

    @Override
    public String description() {
        return "time from launching a fresh JVM to the first @DatabaseTest body, vs a plain JUnit test in the same kind of"
                + " JVM (and, on H2, vs Hibernate bootstrapped by hand)";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        List<String> variants = new ArrayList<>();
        variants.add(FirstTestChild.PLAIN);
        if (options.engines().contains(Engine.H2)) {
            variants.add(FirstTestChild.H2_HIBERNATE);
            variants.add(FirstTestChild.H2_METADATA);
        }
        options.engines().forEach(engine -> variants.add(engine.id()));
        Map<String, Samples> wall = new LinkedHashMap<>();
        Map<String, Samples> uptime = new LinkedHashMap<>();
        Map<String, Samples> cpu = new LinkedHashMap<>();
        variants.forEach(variant -> {
            wall.put(variant, new Samples());
            uptime.put(variant, new Samples());
            cpu.put(variant, new Samples());
        });

        // Smoke mode only checks that every child runs: no untimed child first.
        if (!options.smoke()) {
            report.progress("  warming up: one untimed child JVM per variant...");
            for (String variant : variants) {
                ChildJvm.firstTest(variant);
            }
        }
        if (options.smoke()) {
            // A smoke run checks that every child runs, not how fast: they run side by side, one per core.
            report.progress("  smoke: one child JVM per variant, " + Runtime.getRuntime().availableProcessors() + " at a time...");
            ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
            try {
                Map<String, Future<ChildJvm.Timing>> children = new LinkedHashMap<>();
                variants.forEach(variant -> children.put(variant, pool.submit(() -> ChildJvm.firstTest(variant))));
                for (Map.Entry<String, Future<ChildJvm.Timing>> child : children.entrySet()) {
                    record(child.getKey(), child.getValue().get(), wall, uptime, cpu);
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                pool.shutdownNow();
            }
        }
        for (int i = 0; i < (options.smoke() ? 0 : options.jvms()); i++) {
            report.progress("  child JVMs, round " + (i + 1) + " of " + options.jvms() + "...");
            for (String variant : variants) {
                record(variant, ChildJvm.firstTest(variant), wall, uptime, cpu);
            }
        }

        double baseline = wall.get(FirstTestChild.PLAIN).median();
        double baselineCpu = cpu.get(FirstTestChild.PLAIN).median();
        Table table = new Table("variant", "launch→first test ms", "min..max ms", "JVM uptime ms", "minus baseline ms",
                "ratio to baseline", "target ms", "met", "JVM CPU ms", "CPU minus baseline ms");
        for (String variant : variants) {
            Samples samples = wall.get(variant);
            boolean isBaseline = variant.equals(FirstTestChild.PLAIN);
            boolean hasTarget = variant.equals(Engine.H2.id());
            table.row(label(variant),
                    Table.number(samples.median(), 0),
                    Table.number(samples.min(), 0) + ".." + Table.number(samples.max(), 0),
                    Table.number(uptime.get(variant).median(), 0),
                    isBaseline ? "-" : Table.number(samples.median() - baseline, 0),
                    isBaseline ? "1.00x" : Table.ratio(samples.median(), baseline),
                    hasTarget ? Table.number(H2_TARGET_MILLIS, 0) : "-",
                    hasTarget ? (samples.median() <= H2_TARGET_MILLIS ? "yes" : "NO") : "-",
                    Table.number(cpu.get(variant).median(), 0),
                    isBaseline ? "-" : Table.number(cpu.get(variant).median() - baselineCpu, 0));
        }
        for (String variant : variants) {
            report.samples(label(variant) + " · launch→first test", "ms", wall.get(variant));
            report.samples(label(variant) + " · JVM uptime", "ms", uptime.get(variant));
            report.samples(label(variant) + " · JVM CPU", "ms", cpu.get(variant));
        }
        report.table("Time to first test in a fresh JVM:", table);
        if (wall.containsKey(FirstTestChild.H2_HIBERNATE)) {
            for (String reference : List.of(FirstTestChild.H2_HIBERNATE, FirstTestChild.H2_METADATA)) {
                String h2 = Engine.H2.id();
                report.note("dbtestkit h2 vs " + label(reference) + ": "
                        + signed(wall.get(h2).median() - wall.get(reference).median()) + " ms launch→first test ("
                        + Table.ratio(wall.get(h2).median(), wall.get(reference).median()) + "), "
                        + signed(cpu.get(h2).median() - cpu.get(reference).median()) + " ms JVM CPU ("
                        + Table.ratio(cpu.get(h2).median(), cpu.get(reference).median()) + ")");
            }
        }
        report.note("launch→first test = from ProcessBuilder.start() to the test's first line of output, measured by this"
                + " JVM; JVM uptime = the child's own RuntimeMXBean start time to that line; JVM CPU = CPU time of the"
                + " child JVM's threads by then (all cores; not PostgreSQL's processes); medians of " + options.jvms()
                + " child JVMs per variant.");
    }
}
