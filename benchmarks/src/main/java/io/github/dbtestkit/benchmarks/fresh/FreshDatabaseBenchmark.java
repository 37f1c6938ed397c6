package io.github.dbtestkit.benchmarks.fresh;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import io.github.dbtestkit.benchmarks.harness.PerTest;
import io.github.dbtestkit.benchmarks.harness.Provisioners;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;
import io.github.dbtestkit.benchmarks.harness.TestSpan;
import io.github.dbtestkit.benchmarks.overhead.ExtensionFreshInsertTest;
import io.github.dbtestkit.benchmarks.overhead.ExtensionInsertTest;
import io.github.dbtestkit.benchmarks.overhead.Invocations;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.Messages;
import io.github.dbtestkit.internal.config.Settings;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fresh database costs per test under {@code Isolation.FRESH_DATABASE}, per engine, with PostgreSQL's pool of
 * ready clones and without it, against {@code Isolation.ROLLBACK} measured in the same run; where the time goes
 * (waiting for the pool, cloning, connecting, dropping), measured on core's parts; and, on PostgreSQL 15+, the two
 * {@code CREATE DATABASE} strategies. The targets are printed with each figure, met or missed.
 *
 * <pre>{@code
 * new FreshDatabaseBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class FreshDatabaseBenchmark implements Benchmark {

    /** Pause before each single-test run of {@link Variant#POOL_SPACED}: time for the pool to refill and drop. */
    private static final long SPACING_MILLIS = 1000;

    /** How the tests get their database, in the order of the tables. */
    enum Variant {
        ROLLBACK("dbtestkit ROLLBACK (baseline)", 1),
        ON_DEMAND("FRESH_DATABASE, clone on demand (fresh-pool-size=0)", 50),
        POOL_BACK_TO_BACK("FRESH_DATABASE, pool, tests back to back", 50),
        POOL_SPACED("FRESH_DATABASE, pool, tests " + SPACING_MILLIS + " ms apart (pool keeps up)", 200);

        final String label;
        final int divisor;

        Variant(String label, int divisor) {
            this.label = label;
            this.divisor = divisor;
        }

        /**
         * Tests per timed run. H2 and SQLite copy in this JVM in about a millisecond once the JIT has compiled the copy's
         * code, so they run as many FRESH tests as ROLLBACK ones: with PostgreSQL's divisor they ran 10 per run, 40 in
         * the whole benchmark, and measured mostly interpreted code (26 ms/test on H2 where a warm JVM takes about 1).
         */
        int tests(int iterations, Engine engine) {
            boolean inProcess = engine != Engine.POSTGRESQL;
            return Math.max(1, iterations / (inProcess && this == ON_DEMAND ? 1 : divisor));
        }

        /** The pool is PostgreSQL's only: the in-process engines copy in this JVM on demand. */
        boolean appliesTo(Engine engine) {
            return engine == Engine.POSTGRESQL || (this != POOL_BACK_TO_BACK && this != POOL_SPACED);
        }
    }

    /** The targets in ms per test: PostgreSQL from the pool, PostgreSQL without it, H2 and SQLite. */
    static final double POOL_TARGET = 10;
    static final double ON_DEMAND_TARGET = 40;
    static final double IN_PROCESS_TARGET = 5;

    @Override
    public String id() {
        return "fresh-database";
    }

    @Override
    public String description() {
        return "ms per test under FRESH_DATABASE, with PostgreSQL's pool of ready clones and without, vs ROLLBACK in the"
                + " same run; the split of a fresh database (wait for the pool, clone, connect, drop); CREATE DATABASE"
                + " STRATEGY WAL_LOG vs FILE_COPY on PostgreSQL 15+";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        Table endToEnd = new Table("engine", "variant", "tests/run", "ms/test", "min..max", "vs ROLLBACK",
                "CPU ms/test", "CPU vs ROLLBACK");
        Table split = new Table("engine", "mode", "wait ms", "clone ms", "connect+insert ms", "drop on path ms",
                "total ms", "total min..max");
        Table strategies = new Table("engine", "strategy", "create ms", "min..max", "drop ms", "min..max",
                "create+drop vs WAL_LOG");
        Table targets = new Table("engine", "measure", "ms", "target ms", "met");
        List<String> notMeasured = new ArrayList<>();
        try (InProcessLauncher launcher = InProcessLauncher.forBenchmark(options.smoke())) {
            for (Engine engine : options.engines()) {
                report.progress("  measuring " + engine.displayName() + " (" + (options.smoke() ? 0 : options.warmups()) + " warm-up + "
                        + options.rounds() + " timed rounds)...");
                try {
                    measure(engine, options, launcher, report, endToEnd, split, strategies, targets);
                } catch (Exception e) {
                    notMeasured.add(engine.displayName() + ": " + Messages.chain(e));
                }
            }
        }
        report.table("Per test, end to end through the extension (time from the first test's start to the last one's"
                + " end / tests, wall-clock; the same one-row insert in every variant):", endToEnd);
        report.table("Split of one fresh database, on core's parts over the same template (ms, medians over the rounds"
                + " of each round's median):", split);
        if (!strategies.rows().isEmpty()) {
            report.table("CREATE DATABASE ... TEMPLATE ... STRATEGY on PostgreSQL 15+ (plain SQL, template with"
                    + " bench_row, each clone dropped right after):", strategies);
        }
        report.table("Against the issue's targets:", targets);
        report.note("ms/test = medians of " + options.rounds() + " rounds, min..max over the rounds; vs ROLLBACK = the"
                + " variant's median over ROLLBACK's in the same run. CPU = the test thread's"
                + " CPU time per test (it leaves out the PostgreSQL server's work and the pool's thread, and other processes"
                + " disturb it far less than wall-clock). The pool (" + Settings.FRESH_POOL_SIZE + ", default "
                + Settings.DEFAULT_FRESH_POOL_SIZE + ") is PostgreSQL's: one daemon thread per template clones ahead and"
                + " drops used clones. 'back to back' tests outrun it (each takes less than a clone and a drop cost the"
                + " filler), so they wait for it; 'ms apart' runs one test per run after a pause of " + SPACING_MILLIS
                + " ms (as between tests with work of their own), so it finds a ready clone. Split: on demand = clone,"
                + " connect + insert, drop, all on the test's path; pool kept up = each take after the pool came to rest;"
                + " pool back to back = takes in a row.");
        if (!notMeasured.isEmpty()) {
            notMeasured.forEach(line -> report.note("not measured: " + line));
            throw new IllegalStateException(notMeasured.size() + " engine(s) could not be measured; see above.");
        }
    }

    private void measure(Engine engine, BenchmarkOptions options, InProcessLauncher launcher, Report report,
                         Table endToEnd, Table split, Table strategies, Table targets) throws Exception {
        int iterations = options.iterations();
        // in-process copies take about a millisecond: as many as the end-to-end runs, so the JIT has compiled them
        int splitCount = Math.max(1, engine == Engine.POSTGRESQL ? iterations / 50 : iterations);
        DatabaseServer server = Provisioners.shared().server(engine.kind());
        Map<Variant, Samples> perTest = new EnumMap<>(Variant.class);
        Map<Variant, Samples> cpuPerTest = new EnumMap<>(Variant.class);
        Map<String, Samples[]> parts = new LinkedHashMap<>();
        Map<String, Samples[]> byStrategy = new LinkedHashMap<>();
        try (DatabaseInstance template = server.createDatabase("bench_fresh_tpl_" + engine.id())) {
            int major;
            try (Connection connection = template.dataSource().getConnection()) {
                InsertOneRow.createTable(connection);
                DatabaseMetaData metaData = connection.getMetaData();
                report.database(engine.id(), metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion());
                major = metaData.getDatabaseMajorVersion();
            }
            boolean compareStrategies = engine == Engine.POSTGRESQL && major >= 15;
            CloneSplit cloneSplit = new CloneSplit(server, template, "bench_fresh_" + engine.id() + "_c");
            CloneStrategies cloneStrategies = new CloneStrategies(server, template);
            // a smoke run only checks that everything runs: its one round is warm-up enough
            int warmups = options.smoke() ? 0 : options.warmups();
            for (int i = 0; i < warmups; i++) {
                for (Variant variant : Variant.values()) {
                    if (variant.appliesTo(engine)) {
                        runOnce(variant, engine, iterations, launcher, SPACING_MILLIS);
                    }
                }
                splitOnce(engine, cloneSplit, splitCount, new LinkedHashMap<>());
                if (compareStrategies) {
                    strategiesOnce(cloneStrategies, splitCount, new LinkedHashMap<>());
                }
            }
            Variant[] variants = Variant.values();
            // a smoke run times nothing, so it does not wait for the pool to refill
            long spacing = options.smoke() ? 0 : SPACING_MILLIS;
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < variants.length; i++) {
                    Variant variant = variants[(round + i) % variants.length];
                    if (variant.appliesTo(engine)) {
                        System.gc();
                        PerTest measured = runOnce(variant, engine, iterations, launcher, spacing);
                        perTest.computeIfAbsent(variant, v -> new Samples()).add(measured.wallMicros() / 1000.0);
                        cpuPerTest.computeIfAbsent(variant, v -> new Samples()).add(measured.cpuMicros() / 1000.0);
                    }
                }
                splitOnce(engine, cloneSplit, splitCount, parts);
                if (compareStrategies) {
                    strategiesOnce(cloneStrategies, splitCount, byStrategy);
                }
            }
        }
        double rollback = perTest.get(Variant.ROLLBACK).median();
        double rollbackCpu = cpuPerTest.get(Variant.ROLLBACK).median();
        for (Variant variant : Variant.values()) {
            Samples samples = perTest.get(variant);
            if (samples == null) {
                continue;
            }
            report.samples(engine.id() + " · " + variant.label, "ms/test", samples);
            endToEnd.row(engine.id(), variant.label, Integer.toString(variant.tests(iterations, engine)),
                    Table.number(samples.median(), 2), range(samples), Table.ratio(samples.median(), rollback),
                    Table.number(cpuPerTest.get(variant).median(), 2),
                    Table.ratio(cpuPerTest.get(variant).median(), rollbackCpu));
        }
        for (var entry : parts.entrySet()) {
            Samples[] s = entry.getValue();
            report.samples(engine.id() + " · split · " + entry.getKey() + " · total", "ms", s[4]);
            split.row(engine.id(), entry.getKey(), Table.number(s[0].median(), 2), Table.number(s[1].median(), 2),
                    Table.number(s[2].median(), 2), Table.number(s[3].median(), 2), Table.number(s[4].median(), 2),
                    range(s[4]));
        }
        Samples[] walLog = byStrategy.get(CloneStrategies.STRATEGIES[0]);
        for (var entry : byStrategy.entrySet()) {
            Samples[] s = entry.getValue();
            report.samples(engine.id() + " · STRATEGY " + entry.getKey() + " · create", "ms", s[0]);
            report.samples(engine.id() + " · STRATEGY " + entry.getKey() + " · drop", "ms", s[1]);
            strategies.row(engine.id(), entry.getKey(), Table.number(s[0].median(), 2), range(s[0]),
                    Table.number(s[1].median(), 2), range(s[1]),
                    Table.ratio(s[0].median() + s[1].median(), walLog[0].median() + walLog[1].median()));
        }
        if (engine == Engine.POSTGRESQL) {
            target(targets, engine, "FRESH from the pool, tests apart (extension, ms/test)",
                    perTest.get(Variant.POOL_SPACED).median(), POOL_TARGET);
            target(targets, engine, "fresh database from the pool when it keeps up (split: wait + connect)",
                    parts.get(KEPT_UP)[4].median(), POOL_TARGET);
            target(targets, engine, "FRESH from the pool, tests back to back (extension, ms/test)",
                    perTest.get(Variant.POOL_BACK_TO_BACK).median(), POOL_TARGET);
            target(targets, engine, "FRESH without the pool (extension, ms/test)",
                    perTest.get(Variant.ON_DEMAND).median(), ON_DEMAND_TARGET);
        } else {
            target(targets, engine, "FRESH (extension, ms/test)", perTest.get(Variant.ON_DEMAND).median(),
                    IN_PROCESS_TARGET);
            target(targets, engine, "fresh database (split: clone + connect + drop)", parts.get(ON_DEMAND)[4].median(),
                    IN_PROCESS_TARGET);
        }
    }

    private static final String ON_DEMAND = "on demand";
    private static final String KEPT_UP = "pool of " + Settings.DEFAULT_FRESH_POOL_SIZE + ", kept up";
    private static final String BACK_TO_BACK = "pool of " + Settings.DEFAULT_FRESH_POOL_SIZE + ", back to back";

    private static void splitOnce(Engine engine, CloneSplit split, int count, Map<String, Samples[]> into)
            throws Exception {
        add(into, ON_DEMAND, split.onDemand(count));
        if (engine == Engine.POSTGRESQL) {
            add(into, KEPT_UP, split.fromPool(Settings.DEFAULT_FRESH_POOL_SIZE, count, true));
            add(into, BACK_TO_BACK, split.fromPool(Settings.DEFAULT_FRESH_POOL_SIZE, count, false));
        }
    }

    private static void add(Map<String, Samples[]> into, String mode, CloneSplit.Times times) {
        Samples[] s = into.computeIfAbsent(mode, m -> newSamples(5));
        s[0].add(times.waitMillis());
        s[1].add(times.cloneMillis());
        s[2].add(times.connectMillis());
        s[3].add(times.dropMillis());
        s[4].add(times.total());
    }

    private static void strategiesOnce(CloneStrategies strategies, int count, Map<String, Samples[]> into)
            throws Exception {
        for (String strategy : CloneStrategies.STRATEGIES) {
            CloneStrategies.Times times = strategies.measure(strategy, count);
            Samples[] s = into.computeIfAbsent(strategy, m -> newSamples(2));
            s[0].add(times.create());
            s[1].add(times.drop());
        }
    }

    private static Samples[] newSamples(int n) {
        Samples[] samples = new Samples[n];
        for (int i = 0; i < n; i++) {
            samples[i] = new Samples();
        }
        return samples;
    }

    /** One timed run of {@code variant}, per test: wall-clock and the test thread's CPU time. */
    private static PerTest runOnce(Variant variant, Engine engine, int iterations, InProcessLauncher launcher,
                                   long spacingMillis) throws InterruptedException {
        int tests = variant.tests(iterations, engine);
        Map<String, String> onEngine = Map.of(InProcessLauncher.ENGINES, engine.id());
        Map<String, String> onDemand = Map.of(InProcessLauncher.ENGINES, engine.id(), Settings.FRESH_POOL_SIZE, "0");
        return switch (variant) {
            case ROLLBACK -> perTest(launcher, ExtensionInsertTest.class, onEngine, tests);
            case ON_DEMAND -> perTest(launcher, ExtensionFreshInsertTest.class, onDemand, tests);
            case POOL_BACK_TO_BACK -> perTest(launcher, ExtensionFreshInsertTest.class, onEngine, tests);
            case POOL_SPACED -> {
                Samples wall = new Samples();
                Samples cpu = new Samples();
                for (int i = 0; i < tests; i++) {
                    // the harness waits, not a test: the pool's thread refills and drops meanwhile
                    Thread.sleep(spacingMillis);
                    PerTest single = perTest(launcher, ExtensionFreshInsertTest.class, onEngine, 1);
                    wall.add(single.wallMicros());
                    cpu.add(single.cpuMicros());
                }
                yield new PerTest(wall.median(), cpu.median());
            }
        };
    }

    private static PerTest perTest(InProcessLauncher launcher, Class<?> testClass, Map<String, String> configuration,
                                   int tests) {
        Invocations.set(tests);
        TestSpan span = launcher.run(testClass, configuration);
        if (span.tests() != tests) {
            throw new IllegalStateException(tests + " tests were expected to run but " + span.tests() + " did.");
        }
        return span.perTest();
    }

    private static void target(Table targets, Engine engine, String measure, double millis, double target) {
        targets.row(engine.id(), measure, Table.number(millis, 2), Table.number(target, 0),
                millis <= target ? "met (" + Table.number(millis, 2) + " ≤ " + Table.number(target, 0) + ")"
                        : "MISSED (" + Table.number(millis, 2) + " > " + Table.number(target, 0) + ")");
    }

    private static String range(Samples samples) {
        return Table.number(samples.min(), 2) + ".." + Table.number(samples.max(), 2);
    }
}
