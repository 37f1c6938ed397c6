package io.github.dbtestkit.benchmarks.blog;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.GeneratedClasses;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blog workload's dbtestkit classes on one and on two JUnit worker threads (parallel execution of classes, fixed
 * parallelism, {@link BlogChild#parallelism(int)}), in a fresh child JVM each, on H2 and PostgreSQL: the throughput
 * of the test phase (first test body to last test end) with two workers over one worker's, against issue 9's
 * targets (≥ {@value #TARGET_POSTGRESQL}x on PostgreSQL, no slower on H2). SQLite is left out: dbtestkit runs the
 * ROLLBACK tests of one SQLite database one at a time (its shared-cache locks would fail a second one), so workers
 * cannot gain there. Smoke mode:
 * H2 only, 2 classes of 3 tests.
 *
 * <pre>{@code
 * new BlogWorkersBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class BlogWorkersBenchmark implements Benchmark {

    /** The worker counts compared. */
    static final List<Integer> WORKERS = List.of(1, 2);
    /** Issue 9's target for two workers' throughput over one worker's on PostgreSQL. */
    static final double TARGET_POSTGRESQL = 1.6;
    /** Issue 9's target on H2: no slower. */
    static final double TARGET_H2 = 1.0;

    @Override
    public String id() {
        return "blog-workers";
    }

    @Override
    public String description() {
        return "the blog workload's @DatabaseTest classes on 1 and 2 JUnit worker threads (classes concurrent, fixed"
                + " parallelism) in a fresh JVM each, H2 and PostgreSQL: throughput of 2 workers over 1";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        int classes = options.smoke() ? BlogWorkloadBenchmark.SMOKE_CLASSES : BlogWorkloadBenchmark.CLASSES;
        int tests = options.smoke() ? BlogWorkloadBenchmark.SMOKE_TESTS : BlogWorkloadBenchmark.TESTS;
        // Smoke mode guards the parallel path on H2 alone (two child JVMs): PostgreSQL's goes through the same code.
        List<Engine> engines = options.engines().stream().filter(e -> e != Engine.SQLITE)
                .filter(e -> !options.smoke() || e == Engine.H2).toList();
        if (options.engines().contains(Engine.SQLITE)) {
            report.note("not measured: SQLite (dbtestkit runs the ROLLBACK tests of one SQLite database one at a time).");
        }
        if (engines.isEmpty()) {
            return;
        }
        report.progress("  compiling " + classes + " generated classes of " + tests + " tests...");
        try (GeneratedClasses generated = GeneratedClasses.compile(BlogSources.sources(classes, tests))) {
            String classPath = BlogWorkloadBenchmark.harnessClassPath(generated.classDirectory());
            List<String> keys = new ArrayList<>();
            for (Engine engine : engines) {
                WORKERS.forEach(workers -> keys.add(engine.id() + " " + workers));
            }
            Map<String, BlogWorkloadBenchmark.Series> series = new LinkedHashMap<>();
            keys.forEach(key -> series.put(key, new BlogWorkloadBenchmark.Series()));
            BlogWorkloadBenchmark.ChildRun run = key -> {
                String[] parts = key.split(" ");
                return BlogWorkloadBenchmark.child(new BlogWorkloadBenchmark.Child(BlogSources.DBTESTKIT, parts[0],
                        classes, tests, classPath, Integer.parseInt(parts[1])));
            };
            if (options.smoke()) {
                BlogWorkloadBenchmark.runSideBySide(report, keys, run, series);
            } else {
                report.progress("  warming up: one untimed child JVM per engine and worker count...");
                for (String key : keys) {
                    run.child(key);
                }
                for (int i = 0; i < options.jvms(); i++) {
                    report.progress("  child JVMs, round " + (i + 1) + " of " + options.jvms() + "...");
                    // Alternate which worker count goes first, so that a slow moment does not always hit the same one.
                    List<String> order = new ArrayList<>(keys);
                    if (i % 2 == 1) {
                        java.util.Collections.reverse(order);
                    }
                    for (String key : order) {
                        series.get(key).add(run.child(key));
                    }
                }
            }
            Table absolute = new Table("engine", "workers", "JVM start→first test body s", "test phase s",
                    "test phase min..max s", "tests/s in the test phase", "JVM start→last test end s", "wall s");
            Table ratios = new Table("engine", "throughput 2 workers / 1 (test phase)", "in-JVM time 1 / 2 workers",
                    "target", "met");
            int total = classes * tests;
            for (Engine engine : engines) {
                for (int workers : WORKERS) {
                    BlogWorkloadBenchmark.Series s = series.get(engine.id() + " " + workers);
                    absolute.row(engine.id(), Integer.toString(workers),
                            BlogWorkloadBenchmark.seconds(s.first.median()),
                            BlogWorkloadBenchmark.seconds(s.testPhase.median()),
                            BlogWorkloadBenchmark.seconds(s.testPhase.min()) + ".."
                                    + BlogWorkloadBenchmark.seconds(s.testPhase.max()),
                            Table.number(total / (s.testPhase.median() / 1000), 0),
                            BlogWorkloadBenchmark.seconds(s.last.median()),
                            BlogWorkloadBenchmark.seconds(s.wall.median()));
                    String name = engine.id() + " · " + workers + " worker(s)";
                    report.samples(name + " · test phase", "ms", s.testPhase);
                    report.samples(name + " · JVM start→first test body", "ms", s.first);
                    report.samples(name + " · JVM start→last test end", "ms", s.last);
                    report.samples(name + " · wall", "ms", s.wall);
                }
                BlogWorkloadBenchmark.Series one = series.get(engine.id() + " 1");
                BlogWorkloadBenchmark.Series two = series.get(engine.id() + " 2");
                double speedup = one.testPhase.median() / two.testPhase.median();
                double target = engine == Engine.POSTGRESQL ? TARGET_POSTGRESQL : TARGET_H2;
                ratios.row(engine.id(), Table.number(speedup, 2) + "x",
                        Table.ratio(one.last.median(), two.last.median()),
                        "≥ " + Table.number(target, 2) + "x", speedup >= target ? "yes" : "NO");
            }
            report.table("The blog workload's dbtestkit classes, " + classes + " classes x " + tests + " tests, by JUnit"
                    + " workers, medians of " + (options.smoke() ? 1 : options.jvms()) + " child JVMs each:", absolute);
            report.table("Two workers against one, issue 9's targets:", ratios);
            report.note("test phase = first test body's start to the last test's end, in the child (the JVM, Hibernate's"
                    + " bootstrap and the schema, which do not run in parallel, are before it); throughput 2 / 1 = test"
                    + " phase with 1 worker / with 2. Both runs have JUnit's parallel execution on"
                    + " (junit.jupiter.execution.parallel.enabled=true, classes concurrent, methods same_thread,"
                    + " strategy fixed, parallelism 1 or 2). On " + Runtime.getRuntime().availableProcessors()
                    + " cores, 2 workers can at best double the throughput only if nothing else runs: compare with the"
                    + " load average at the top of the results.");
        }
    }
}
