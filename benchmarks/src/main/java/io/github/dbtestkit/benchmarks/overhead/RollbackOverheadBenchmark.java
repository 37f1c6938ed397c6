package io.github.dbtestkit.benchmarks.overhead;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;
import io.github.dbtestkit.benchmarks.harness.TestSpan;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import io.github.dbtestkit.config.Settings;
import io.github.dbtestkit.engine.DatabaseInstance;
import io.github.dbtestkit.engine.DatabaseServers;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-test overhead of {@code Isolation.ROLLBACK}, per engine: {@link ExtensionInsertTest} against
 * {@link PlainJUnitInsertTest} (the same tests in plain JUnit on one connection) and {@link RawJdbcLoop} (the same
 * database work with no test framework), all in this JVM and interleaved round by round so that a slow moment on the
 * machine hits every variant alike. Each variant is warmed up first; medians of the rounds are reported.
 *
 * <pre>{@code
 * new RollbackOverheadBenchmark().run(BenchmarkOptions.fromSystemProperties(), System.out);
 * }</pre>
 */
public final class RollbackOverheadBenchmark implements Benchmark {

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
        int tests = options.iterations();
        Table table = new Table("engine", "raw JDBC µs/iter", "plain JUnit µs/test", "dbtestkit µs/test",
                "overhead µs/test", "overhead min..max", "target µs", "met", "dbtestkit/plain", "dbtestkit/raw");
        List<String> notMeasured = new ArrayList<>();
        try (InProcessLauncher launcher = new InProcessLauncher()) {
            for (Engine engine : options.engines()) {
                out.println("  measuring " + engine.displayName() + " (" + options.warmups() + " warm-up + "
                        + options.rounds() + " timed runs of " + tests + " tests per variant)...");
                try {
                    Result result = measure(engine, options, launcher);
                    double overhead = result.overhead().median();
                    table.row(engine.id(),
                            Table.number(result.raw().median(), 1),
                            Table.number(result.plain().median(), 1),
                            Table.number(result.extension().median(), 1),
                            Table.number(overhead, 1),
                            Table.number(result.overhead().min(), 1) + ".." + Table.number(result.overhead().max(), 1),
                            Table.number(targetMicros(engine), 0),
                            overhead <= targetMicros(engine) ? "yes" : "NO",
                            Table.ratio(result.extension().median(), result.plain().median()),
                            Table.ratio(result.extension().median(), result.raw().median()));
                } catch (Exception e) {
                    notMeasured.add(engine.displayName() + ": " + e.getMessage());
                }
            }
        } finally {
            PlainJUnitInsertTest.use(null);
        }
        out.println();
        table.print(out);
        out.println();
        out.println("overhead = dbtestkit - plain JUnit, paired per round; µs/test = span from the first test's start to"
                + " the last test's end / tests; medians of " + options.rounds() + " rounds.");
        if (!notMeasured.isEmpty()) {
            notMeasured.forEach(line -> out.println("not measured: " + line));
            throw new IllegalStateException(notMeasured.size() + " engine(s) could not be measured; see above.");
        }
    }

    private static Result measure(Engine engine, BenchmarkOptions options, InProcessLauncher launcher) throws Exception {
        int tests = options.iterations();
        Map<String, String> configuration = Map.of(Settings.ENGINES, engine.id());
        Result result = new Result(new Samples(), new Samples(), new Samples(), new Samples());
        // Settings.defaults() selects the same server as the extension's own settings (provider auto), so the
        // baselines talk to the very server the extension's tests use.
        try (DatabaseInstance database = DatabaseServers.obtain(engine, Settings.defaults()).createDatabase("bench_raw_" + engine.id());
             Connection physical = database.dataSource().getConnection()) {
            InsertOneRow.createTable(physical);
            PlainJUnitInsertTest.use(physical);
            Invocations.set(tests);
            for (int i = 0; i < options.warmups(); i++) {
                RawJdbcLoop.run(physical, tests);
                launcher.run(PlainJUnitInsertTest.class, Map.of());
                launcher.run(ExtensionInsertTest.class, configuration);
            }
            for (int i = 0; i < options.rounds(); i++) {
                double raw = RawJdbcLoop.run(physical, tests) / 1000.0 / tests;
                double plain = micros(checked(launcher.run(PlainJUnitInsertTest.class, Map.of()), tests).nanosPerTest());
                double extension = micros(checked(launcher.run(ExtensionInsertTest.class, configuration), tests).nanosPerTest());
                result.raw().add(raw);
                result.plain().add(plain);
                result.extension().add(extension);
                result.overhead().add(extension - plain);
            }
        }
        return result;
    }

    private static TestSpan checked(TestSpan span, int expectedTests) {
        if (span.tests() != expectedTests) {
            throw new IllegalStateException(expectedTests + " tests were expected to run but " + span.tests() + " did.");
        }
        return span;
    }

    private static double micros(double nanos) {
        return nanos / 1000.0;
    }

    private record Result(Samples raw, Samples plain, Samples extension, Samples overhead) {
    }
}
