package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import io.github.dbtestkit.benchmarks.harness.PerTest;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;
import io.github.dbtestkit.benchmarks.harness.TestSpan;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.benchmarks.harness.Provisioners;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-test overhead of {@code Isolation.ROLLBACK}, per engine: {@link ExtensionInsertTest} against
 * {@link PlainJUnitInsertTest} (the same tests in plain JUnit on one connection) and {@link RawJdbcLoop} (the same
 * database work with no test framework), all in this JVM. Each variant is warmed up first; then the variants take
 * turns round by round, in a rotating order, so that a slow moment on the machine hits them alike. Medians of the
 * rounds are reported, and the overhead is the median of the per-round differences.
 *
 * <pre>{@code
 * new RollbackOverheadBenchmark().run(BenchmarkOptions.fromSystemProperties(), System.out);
 * }</pre>
 */
public final class RollbackOverheadBenchmark implements Benchmark {

    private enum Variant { RAW, PLAIN, EXTENSION }

    /** The targets for the extension's overhead per test (over plain JUnit), in microseconds. */
    static double targetMicros(Engine engine) {
        return engine == Engine.POSTGRESQL ? 300 : 100;
    }

    @Override
    public String id() {
        return "rollback-overhead";
    }

    @Override
    public String description() {
        return "per-test cost of @DatabaseTest with Isolation.ROLLBACK vs the same test in plain JUnit vs a raw JDBC loop";
    }

    @Override
    public void run(BenchmarkOptions options, PrintStream out) throws Exception {
        Table wall = new Table("engine", "raw JDBC µs/iter", "plain JUnit µs/test", "dbtestkit µs/test",
                "overhead µs/test", "overhead min..max", "best-run overhead", "target µs", "met", "dbtestkit/plain",
                "dbtestkit/raw");
        Table cpu = new Table("engine", "raw JDBC µs/iter", "plain JUnit µs/test", "dbtestkit µs/test",
                "overhead µs/test", "overhead min..max", "best-run overhead", "target µs", "met", "dbtestkit/plain");
        List<String> notMeasured = new ArrayList<>();
        try (InProcessLauncher launcher = new InProcessLauncher()) {
            for (Engine engine : options.engines()) {
                out.println("  measuring " + engine.displayName() + " (" + options.warmups() + " warm-up + "
                        + options.rounds() + " timed runs of " + options.iterations() + " tests per variant)...");
                try {
                    Result result = measure(engine, options, launcher);
                    double overhead = result.overheadWall().median();
                    wall.row(engine.id(),
                            Table.number(result.wall(Variant.RAW).median(), 1),
                            Table.number(result.wall(Variant.PLAIN).median(), 1),
                            Table.number(result.wall(Variant.EXTENSION).median(), 1),
                            Table.number(overhead, 1),
                            range(result.overheadWall()),
                            Table.number(result.wall(Variant.EXTENSION).min() - result.wall(Variant.PLAIN).min(), 1),
                            Table.number(targetMicros(engine), 0),
                            overhead <= targetMicros(engine) ? "yes" : "NO",
                            Table.ratio(result.wall(Variant.EXTENSION).median(), result.wall(Variant.PLAIN).median()),
                            Table.ratio(result.wall(Variant.EXTENSION).median(), result.wall(Variant.RAW).median()));
                    cpu.row(engine.id(),
                            Table.number(result.cpu(Variant.RAW).median(), 1),
                            Table.number(result.cpu(Variant.PLAIN).median(), 1),
                            Table.number(result.cpu(Variant.EXTENSION).median(), 1),
                            Table.number(result.overheadCpu().median(), 1),
                            range(result.overheadCpu()),
                            Table.number(result.cpu(Variant.EXTENSION).min() - result.cpu(Variant.PLAIN).min(), 1),
                            Table.number(targetMicros(engine), 0),
                            result.overheadCpu().median() <= targetMicros(engine) ? "yes" : "NO",
                            Table.ratio(result.cpu(Variant.EXTENSION).median(), result.cpu(Variant.PLAIN).median()));
                } catch (Exception e) {
                    notMeasured.add(engine.displayName() + ": " + e.getMessage());
                }
            }
        } finally {
            PlainJUnitInsertTest.use(null);
        }
        out.println();
        out.println("Wall-clock time per test (what a test suite waits for):");
        wall.print(out);
        out.println();
        out.println("CPU time of the test thread per test (less disturbed by other processes, but leaves out garbage"
                + " collection, JIT compilation and, on PostgreSQL, the server's own work and the wait for it):");
        cpu.print(out);
        out.println();
        out.println("µs/test = time from the first test's start to the last test's end / tests, medians of "
                + options.rounds() + " rounds; overhead = dbtestkit - plain JUnit, the median of the per-round differences;"
                + " best-run overhead = fastest dbtestkit run - fastest plain run (other processes only ever add time, so"
                + " on a busy machine the fastest runs are the least disturbed).");
        if (!notMeasured.isEmpty()) {
            notMeasured.forEach(line -> out.println("not measured: " + line));
            throw new IllegalStateException(notMeasured.size() + " engine(s) could not be measured; see above.");
        }
    }

    private static Result measure(Engine engine, BenchmarkOptions options, InProcessLauncher launcher) throws Exception {
        int tests = options.iterations();
        Result result = new Result();
        // System properties and the environment, read as the extension reads them, select the same server, so the
        // baselines talk to the very server the extension's tests use (e.g. an external one in a CI matrix).
        try (DatabaseProvisioner provisioner = Provisioners.fromSystemProperties();
             DatabaseInstance database = provisioner.server(engine.kind()).createDatabase("bench_raw_" + engine.id());
             Connection physical = database.dataSource().getConnection()) {
            InsertOneRow.createTable(physical);
            PlainJUnitInsertTest.use(physical);
            Invocations.set(tests);
            Variant[] variants = Variant.values();
            for (int i = 0; i < options.warmups(); i++) {
                for (Variant variant : variants) {
                    runOnce(variant, engine, tests, physical, launcher);
                }
            }
            for (int round = 0; round < options.rounds(); round++) {
                Map<Variant, PerTest> costs = new EnumMap<>(Variant.class);
                for (int i = 0; i < variants.length; i++) {
                    Variant variant = variants[(round + i) % variants.length];
                    // Each timed run starts on a collected heap, so one variant's garbage is not collected on the
                    // next one's time.
                    System.gc();
                    costs.put(variant, runOnce(variant, engine, tests, physical, launcher));
                }
                result.add(costs);
            }
        }
        return result;
    }

    private static PerTest runOnce(Variant variant, Engine engine, int tests, Connection physical, InProcessLauncher launcher)
            throws SQLException {
        return switch (variant) {
            case RAW -> RawJdbcLoop.run(physical, tests);
            case PLAIN -> checked(launcher.run(PlainJUnitInsertTest.class, Map.of()), tests).perTest();
            case EXTENSION -> checked(launcher.run(ExtensionInsertTest.class, Map.of(InProcessLauncher.ENGINES, engine.id())), tests).perTest();
        };
    }

    private static TestSpan checked(TestSpan span, int expectedTests) {
        if (span.tests() != expectedTests) {
            throw new IllegalStateException(expectedTests + " tests were expected to run but " + span.tests() + " did.");
        }
        return span;
    }

    private static String range(Samples samples) {
        return Table.number(samples.min(), 1) + ".." + Table.number(samples.max(), 1);
    }

    /** The rounds' costs per variant, and the per-round differences extension - plain. */
    private static final class Result {

        private final Map<Variant, Samples> wall = new EnumMap<>(Variant.class);
        private final Map<Variant, Samples> cpu = new EnumMap<>(Variant.class);
        private final Samples overheadWall = new Samples();
        private final Samples overheadCpu = new Samples();

        Result() {
            for (Variant variant : Variant.values()) {
                wall.put(variant, new Samples());
                cpu.put(variant, new Samples());
            }
        }

        void add(Map<Variant, PerTest> round) {
            round.forEach((variant, cost) -> {
                wall.get(variant).add(cost.wallMicros());
                cpu.get(variant).add(cost.cpuMicros());
            });
            overheadWall.add(round.get(Variant.EXTENSION).wallMicros() - round.get(Variant.PLAIN).wallMicros());
            overheadCpu.add(round.get(Variant.EXTENSION).cpuMicros() - round.get(Variant.PLAIN).cpuMicros());
        }

        Samples wall(Variant variant) {
            return wall.get(variant);
        }

        Samples cpu(Variant variant) {
            return cpu.get(variant);
        }

        Samples overheadWall() {
            return overheadWall;
        }

        Samples overheadCpu() {
            return overheadCpu;
        }
    }
}
