package io.github.dbtestkit.benchmarks.scaling;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.GeneratedClasses;
import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import io.github.dbtestkit.benchmarks.harness.LinearFit;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;
import io.github.dbtestkit.benchmarks.harness.TestSpan;
import io.github.dbtestkit.core.Messages;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a suite's time grows with its number of tests: 100, 1,000 and 5,000 trivial tests (generated classes of
 * {@value TrivialSources#TESTS_PER_CLASS}, {@link TrivialSources}) as {@code @DatabaseTest} classes and as plain JUnit
 * classes, in one launcher run per count and variant, in this JVM, per engine. Reports the time per count, the
 * least-squares slope (ms per test) and R² of each variant, and the per-test time at each count; the difference of
 * the slopes is what dbtestkit adds per test in a suite of that shape. Smoke mode: 25, 50 and 100 tests.
 *
 * <pre>{@code
 * new TestCountScalingBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class TestCountScalingBenchmark implements Benchmark {

    /** The counts of issue 12, item 5. */
    static final List<Integer> COUNTS = List.of(100, 1_000, 5_000);
    /** The counts in smoke mode. */
    static final List<Integer> SMOKE_COUNTS = List.of(25, 50, 100);
    private static final List<String> VARIANTS = List.of(TrivialSources.DBTESTKIT, TrivialSources.PLAIN);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public String id() {
        return "test-count-scaling";
    }

    @Override
    public String description() {
        return "100, 1,000 and 5,000 trivial tests in classes of " + TrivialSources.TESTS_PER_CLASS + ", @DatabaseTest"
                + " vs plain JUnit in the same run: time per count, slope (ms per test) and linearity (R²)";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        List<Integer> counts = options.smoke() ? SMOKE_COUNTS : COUNTS;
        int largest = counts.get(counts.size() - 1);
        int classes = largest / TrivialSources.TESTS_PER_CLASS;
        report.progress("  compiling " + 2 * classes + " generated classes of " + TrivialSources.TESTS_PER_CLASS
                + " tests...");
        Table times = new Table("engine", "variant", "tests", "classes", "suite ms", "min..max ms", "µs per test",
                "CPU µs per test", "test span µs per test");
        Table fits = new Table("engine", "variant", "slope ms/test", "intercept ms", "R²", "CPU slope ms/test", "CPU R²");
        Table added = new Table("engine", "dbtestkit − plain slope µs/test", "CPU µs/test");
        List<String> notMeasured = new ArrayList<>();
        try (GeneratedClasses generated = GeneratedClasses.compile(TrivialSources.sources(classes));
             InProcessLauncher launcher = InProcessLauncher.forBenchmark(options.smoke())) {
            Map<String, List<Class<?>>> loaded = new LinkedHashMap<>();
            for (String variant : VARIANTS) {
                loaded.put(variant, TrivialSources.classNames(variant, classes).stream()
                        .<Class<?>>map(generated::load).toList());
            }
            for (Engine engine : options.engines()) {
                report.progress("  measuring " + engine.displayName() + " (" + options.warmups() + " warm-up + "
                        + options.rounds() + " timed runs per count and variant)...");
                try {
                    Map<String, Run> runs = measure(engine, counts, loaded, options, launcher);
                    Map<String, LinearFit> wallFits = new LinkedHashMap<>();
                    Map<String, LinearFit> cpuFits = new LinkedHashMap<>();
                    for (String variant : VARIANTS) {
                        List<Double> xs = new ArrayList<>();
                        List<Double> wall = new ArrayList<>();
                        List<Double> cpu = new ArrayList<>();
                        for (int count : counts) {
                            Run run = runs.get(variant + " " + count);
                            xs.add((double) count);
                            wall.add(run.wallMillis.median());
                            cpu.add(run.cpuMillis.median());
                            times.row(engine.id(), variant, Integer.toString(count),
                                    Integer.toString(count / TrivialSources.TESTS_PER_CLASS),
                                    Table.number(run.wallMillis.median(), 1),
                                    Table.number(run.wallMillis.min(), 1) + ".." + Table.number(run.wallMillis.max(), 1),
                                    Table.number(run.wallMillis.median() * 1000 / count, 1),
                                    Table.number(run.cpuMillis.median() * 1000 / count, 1),
                                    Table.number(run.spanMicrosPerTest.median(), 1));
                            String name = engine.id() + " · " + variant + " · " + count + " tests";
                            report.samples(name + " · suite", "ms", run.wallMillis);
                            report.samples(name + " · suite CPU", "ms", run.cpuMillis);
                            report.samples(name + " · test span", "µs/test", run.spanMicrosPerTest);
                        }
                        LinearFit wallFit = LinearFit.of(xs, wall);
                        LinearFit cpuFit = LinearFit.of(xs, cpu);
                        wallFits.put(variant, wallFit);
                        cpuFits.put(variant, cpuFit);
                        fits.row(engine.id(), variant, Table.number(wallFit.slope(), 4),
                                Table.number(wallFit.intercept(), 1), Table.number(wallFit.rSquared(), 4),
                                Table.number(cpuFit.slope(), 4), Table.number(cpuFit.rSquared(), 4));
                    }
                    added.row(engine.id(),
                            Table.number(1000 * (wallFits.get(TrivialSources.DBTESTKIT).slope()
                                    - wallFits.get(TrivialSources.PLAIN).slope()), 1),
                            Table.number(1000 * (cpuFits.get(TrivialSources.DBTESTKIT).slope()
                                    - cpuFits.get(TrivialSources.PLAIN).slope()), 1));
                } catch (Exception e) {
                    notMeasured.add(engine.displayName() + ": " + Messages.chain(e));
                }
            }
        }
        report.table("Suite time by number of tests (one launcher run each: discovery, every class and every test),"
                + " medians of " + options.rounds() + " rounds:", times);
        report.table("Least-squares line of suite time against tests (wall-clock, and CPU time of the test thread):", fits);
        report.table("What dbtestkit adds per test in such a suite (difference of the slopes):", added);
        report.note("suite ms = the whole Launcher.execute of the count's classes in one launcher session (servers and"
                + " the schema cache stay up, as between the classes of one suite); test span = first test start to"
                + " last test end, per test. A @DatabaseTest test takes the injected Connection (dbtestkit begins its"
                + " transaction and rolls it back), a plain test does nothing, so the difference of the slopes is"
                + " dbtestkit's whole per-test cost including that begin/rollback and each class's share of its"
                + " per-class work (1/" + TrivialSources.TESTS_PER_CLASS + "), to set beside rollback-overhead's"
                + " ROLLBACK − plain, whose baseline does the same database work.");
        if (!notMeasured.isEmpty()) {
            notMeasured.forEach(line -> report.note("not measured: " + line));
            throw new IllegalStateException(notMeasured.size() + " engine(s) could not be measured; see above.");
        }
    }

    /** One count and variant's rounds. */
    private static final class Run {
        final Samples wallMillis = new Samples();
        final Samples cpuMillis = new Samples();
        final Samples spanMicrosPerTest = new Samples();
    }

    private static Map<String, Run> measure(Engine engine, List<Integer> counts, Map<String, List<Class<?>>> loaded,
                                            BenchmarkOptions options, InProcessLauncher launcher) {
        List<String> keys = new ArrayList<>();
        for (int count : counts) {
            VARIANTS.forEach(variant -> keys.add(variant + " " + count));
        }
        Map<String, Run> runs = new LinkedHashMap<>();
        keys.forEach(key -> runs.put(key, new Run()));
        Map<String, String> onEngine = Map.of(InProcessLauncher.ENGINES, engine.id());
        for (int i = 0; i < options.warmups(); i++) {
            for (String key : keys) {
                runOnce(key, loaded, onEngine, launcher);
            }
        }
        for (int round = 0; round < options.rounds(); round++) {
            for (int i = 0; i < keys.size(); i++) {
                // A rotating order, each run on a collected heap, so that a slow moment or another run's garbage
                // hits every count and variant alike.
                String key = keys.get((round + i) % keys.size());
                System.gc();
                long cpu = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                TestSpan span = runOnce(key, loaded, onEngine, launcher);
                long end = System.nanoTime();
                long cpuEnd = THREADS.getCurrentThreadCpuTime();
                Run run = runs.get(key);
                run.wallMillis.add((end - start) / 1e6);
                run.cpuMillis.add((cpuEnd - cpu) / 1e6);
                run.spanMicrosPerTest.add(span.perTest().wallMicros());
            }
        }
        return runs;
    }

    private static TestSpan runOnce(String key, Map<String, List<Class<?>>> loaded, Map<String, String> onEngine,
                                    InProcessLauncher launcher) {
        String[] parts = key.split(" ");
        int count = Integer.parseInt(parts[1]);
        List<Class<?>> classes = loaded.get(parts[0]).subList(0, count / TrivialSources.TESTS_PER_CLASS);
        TestSpan span = launcher.run(classes, onEngine);
        if (span.tests() != count) {
            throw new IllegalStateException(count + " tests were expected to run but " + span.tests() + " did.");
        }
        return span;
    }
}
