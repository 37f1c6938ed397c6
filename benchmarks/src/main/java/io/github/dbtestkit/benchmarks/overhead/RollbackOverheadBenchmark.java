package io.github.dbtestkit.benchmarks.overhead;

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
import io.github.dbtestkit.benchmarks.workload.BenchRow;
import io.github.dbtestkit.benchmarks.workload.InsertOneRow;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.Messages;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Per-test cost of {@code Isolation.ROLLBACK}, per engine, against what a user has today, all doing the same database
 * work per test (one single-row insert) in this JVM: the same test in plain JUnit on one connection (the baseline
 * every ratio is taken against), Hibernate by hand (an EntityManager per test, rolled back), truncating every table
 * after each test, dropping and re-creating the schema per test, dbtestkit's {@code FRESH_DATABASE}, and the raw
 * JDBC loop with no test framework (the floor). Each variant is warmed up first; then the variants take turns round
 * by round, in a rotating order, so that a slow moment on the machine hits them alike. Medians of the rounds are
 * reported, and differences to plain JUnit are the medians of the per-round differences.
 *
 * <pre>{@code
 * new RollbackOverheadBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class RollbackOverheadBenchmark implements Benchmark {

    /** What surrounds the insert, in the order of the tables. */
    enum Variant {
        RAW("raw JDBC loop (floor)", 1),
        PLAIN("plain JUnit, one connection (baseline)", 1),
        HIBERNATE("Hibernate by hand: EntityManager per test, rollback", 1),
        TRUNCATE("truncate every table after each test", 1),
        RECREATE("drop and re-create the schema per test", 10),
        FRESH("dbtestkit FRESH_DATABASE", 50),
        ROLLBACK("dbtestkit ROLLBACK", 1);

        final String label;
        final int divisor;

        Variant(String label, int divisor) {
            this.label = label;
            this.divisor = divisor;
        }

        /**
         * Tests per run: {@code bench.iterations}, divided for the variants that cost milliseconds per test (DDL), or
         * tens to hundreds of them (a new PostgreSQL database per test), so that a full run stays within minutes.
         */
        int tests(int iterations) {
            return Math.max(1, iterations / divisor);
        }
    }

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
        return "per-test cost of @DatabaseTest with Isolation.ROLLBACK vs the same test in plain JUnit, vs what users do"
                + " today (Hibernate by hand, truncate after each test, re-create the schema per test), vs FRESH_DATABASE"
                + " and a raw JDBC loop";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        Table wall = costTable();
        Table cpu = costTable();
        Table target = new Table("engine", "ROLLBACK - plain µs/test", "min..max", "best-run", "CPU ROLLBACK - plain µs/test",
                "CPU min..max", "target µs", "met (wall)", "met (CPU)");
        List<String> notMeasured = new ArrayList<>();
        try (InProcessLauncher launcher = InProcessLauncher.forBenchmark(options.smoke())) {
            for (Engine engine : options.engines()) {
                report.progress("  measuring " + engine.displayName() + " (" + options.warmups() + " warm-up + "
                        + options.rounds() + " timed runs per variant of " + options.iterations() + " tests, "
                        + Variant.RECREATE.tests(options.iterations()) + " when re-creating the schema, "
                        + Variant.FRESH.tests(options.iterations()) + " for FRESH_DATABASE)...");
                try {
                    Result result = measure(engine, options, launcher, report);
                    for (Variant variant : Variant.values()) {
                        String key = engine.id() + " · " + variant.label + " · ";
                        report.samples(key + "wall", "µs/test", result.wall(variant));
                        report.samples(key + "CPU", "µs/test", result.cpu(variant));
                        if (variant != Variant.PLAIN) {
                            report.samples(key + "minus plain JUnit · wall", "µs/test", result.minusPlainWall(variant));
                            report.samples(key + "minus plain JUnit · CPU", "µs/test", result.minusPlainCpu(variant));
                        }
                        addRow(wall, engine, variant, options, result.wall, result.minusPlainWall);
                        addRow(cpu, engine, variant, options, result.cpu, result.minusPlainCpu);
                    }
                    Samples overheadWall = result.minusPlainWall(Variant.ROLLBACK);
                    Samples overheadCpu = result.minusPlainCpu(Variant.ROLLBACK);
                    target.row(engine.id(),
                            Table.number(overheadWall.median(), 1),
                            range(overheadWall),
                            Table.number(result.wall(Variant.ROLLBACK).min() - result.wall(Variant.PLAIN).min(), 1),
                            Table.number(overheadCpu.median(), 1),
                            range(overheadCpu),
                            Table.number(targetMicros(engine), 0),
                            overheadWall.median() <= targetMicros(engine) ? "yes" : "NO",
                            overheadCpu.median() <= targetMicros(engine) ? "yes" : "NO");
                } catch (Exception e) {
                    notMeasured.add(engine.displayName() + ": " + Messages.chain(e));
                }
            }
        } finally {
            PlainJUnitInsertTest.use(null);
            TruncateInsertTest.use(null);
            RecreateSchemaInsertTest.use(null);
            HibernateByHandInsertTest.use(null);
        }
        report.table("Per-test cost, wall-clock (what a test suite waits for):", wall);
        report.table("Per-test cost, CPU time of the test thread (less disturbed by other processes, but leaves out"
                + " garbage collection, JIT compilation and, on PostgreSQL, the server's own work and the wait for it):", cpu);
        report.table("dbtestkit ROLLBACK against the issue's target (overhead over the same plain JUnit test):", target);
        report.note("µs/test = time from the first test's start to the last test's end / tests, medians of "
                + options.rounds() + " rounds, min..max over the rounds; vs plain = the variant's median over plain JUnit's;"
                + " minus plain = the median of the per-round differences; vs dbtestkit ROLLBACK = the variant's median over"
                + " ROLLBACK's (above 1.00x: ROLLBACK is cheaper); best-run = fastest ROLLBACK run - fastest plain run"
                + " (other processes only ever add time, so on a busy machine the fastest runs are the least disturbed)."
                + " Every variant does the same insert per test: plain JUnit and the raw loop begin and roll back on one"
                + " connection; Hibernate by hand begins and rolls back an EntityManager's transaction (one SessionFactory"
                + " per JVM, Hibernate's own pool); truncate and re-create commit the insert, then TRUNCATE every table"
                + " (DELETE on SQLite) after the test, or create the table before it and drop it after.");
        if (!notMeasured.isEmpty()) {
            notMeasured.forEach(line -> report.note("not measured: " + line));
            throw new IllegalStateException(notMeasured.size() + " engine(s) could not be measured; see above.");
        }
    }

    private static Table costTable() {
        return new Table("engine", "variant", "tests/run", "µs/test", "min..max", "vs plain JUnit", "minus plain µs",
                "vs dbtestkit ROLLBACK");
    }

    private static void addRow(Table table, Engine engine, Variant variant, BenchmarkOptions options,
                               Map<Variant, Samples> costs, Map<Variant, Samples> minusPlain) {
        Samples samples = costs.get(variant);
        double plain = costs.get(Variant.PLAIN).median();
        table.row(engine.id(), variant.label,
                Integer.toString(variant.tests(options.iterations())),
                Table.number(samples.median(), 1),
                range(samples),
                variant == Variant.PLAIN ? "1.00x" : Table.ratio(samples.median(), plain),
                variant == Variant.PLAIN ? "-" : Table.number(minusPlain.get(variant).median(), 1),
                Table.ratio(samples.median(), costs.get(Variant.ROLLBACK).median()));
    }

    private static Result measure(Engine engine, BenchmarkOptions options, InProcessLauncher launcher, Report report)
            throws Exception {
        Result result = new Result();
        // System properties and the environment, read as the extension reads them, select the same server, so the
        // baselines talk to the very server the extension's tests use (e.g. an external one in a CI matrix). Each
        // kind of baseline has a database of its own: truncate and re-create commit, the others roll back.
        DatabaseServer server = Provisioners.shared().server(engine.kind());
        try (DatabaseInstance raw = server.createDatabase("bench_raw_" + engine.id());
             DatabaseInstance truncated = server.createDatabase("bench_truncate_" + engine.id());
             DatabaseInstance recreated = server.createDatabase("bench_recreate_" + engine.id());
             Connection physical = raw.dataSource().getConnection();
             Connection truncating = truncated.dataSource().getConnection();
             Connection recreating = recreated.dataSource().getConnection();
             SessionFactory hibernate = hibernateByHand(engine, raw)) {
            DatabaseMetaData metaData = physical.getMetaData();
            report.database(engine.id(), metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion());
            InsertOneRow.createTable(physical);
            InsertOneRow.createTable(truncating);
            PlainJUnitInsertTest.use(physical);
            TruncateInsertTest.use(truncating);
            RecreateSchemaInsertTest.use(recreating);
            HibernateByHandInsertTest.use(hibernate);
            Variant[] variants = Variant.values();
            for (int i = 0; i < options.warmups(); i++) {
                for (Variant variant : variants) {
                    runOnce(variant, engine, options.iterations(), physical, launcher);
                }
            }
            for (int round = 0; round < options.rounds(); round++) {
                Map<Variant, PerTest> costs = new EnumMap<>(Variant.class);
                for (int i = 0; i < variants.length; i++) {
                    Variant variant = variants[(round + i) % variants.length];
                    // Each timed run starts on a collected heap, so one variant's garbage is not collected on the
                    // next one's time.
                    System.gc();
                    costs.put(variant, runOnce(variant, engine, options.iterations(), physical, launcher));
                }
                result.add(costs);
            }
        }
        return result;
    }

    /** One SessionFactory for the JVM's run on this engine, as a hand-written test base class would build it. */
    private static SessionFactory hibernateByHand(Engine engine, DatabaseInstance database) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(BenchRow.class)
                .setProperty("jakarta.persistence.jdbc.url", database.jdbcUrl())
                .setProperty("jakarta.persistence.jdbc.user", database.username())
                .setProperty("jakarta.persistence.jdbc.password", database.password());
        if (engine == Engine.SQLITE) {
            // Hibernate resolves H2's and PostgreSQL's dialects itself, not the community one of SQLite.
            configuration.setProperty("hibernate.dialect", engine.kind().dialect());
        }
        return configuration.buildSessionFactory();
    }

    private static PerTest runOnce(Variant variant, Engine engine, int iterations, Connection physical,
                                   InProcessLauncher launcher) throws Exception {
        int tests = variant.tests(iterations);
        Invocations.set(tests);
        Map<String, String> onEngine = Map.of(InProcessLauncher.ENGINES, engine.id());
        return switch (variant) {
            case RAW -> RawJdbcLoop.run(physical, tests);
            case PLAIN -> checked(launcher.run(PlainJUnitInsertTest.class, Map.of()), tests).perTest();
            case HIBERNATE -> checked(launcher.run(HibernateByHandInsertTest.class, Map.of()), tests).perTest();
            case TRUNCATE -> checked(launcher.run(TruncateInsertTest.class, Map.of()), tests).perTest();
            case RECREATE -> checked(launcher.run(RecreateSchemaInsertTest.class, Map.of()), tests).perTest();
            case FRESH -> checked(launcher.run(ExtensionFreshInsertTest.class, onEngine), tests).perTest();
            case ROLLBACK -> checked(launcher.run(ExtensionInsertTest.class, onEngine), tests).perTest();
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

    /** The rounds' costs per variant, and the per-round differences variant - plain JUnit. */
    private static final class Result {

        final Map<Variant, Samples> wall = new EnumMap<>(Variant.class);
        final Map<Variant, Samples> cpu = new EnumMap<>(Variant.class);
        final Map<Variant, Samples> minusPlainWall = new EnumMap<>(Variant.class);
        final Map<Variant, Samples> minusPlainCpu = new EnumMap<>(Variant.class);

        Result() {
            for (Variant variant : Variant.values()) {
                wall.put(variant, new Samples());
                cpu.put(variant, new Samples());
                minusPlainWall.put(variant, new Samples());
                minusPlainCpu.put(variant, new Samples());
            }
        }

        void add(Map<Variant, PerTest> round) {
            PerTest plain = round.get(Variant.PLAIN);
            round.forEach((variant, cost) -> {
                wall.get(variant).add(cost.wallMicros());
                cpu.get(variant).add(cost.cpuMicros());
                minusPlainWall.get(variant).add(cost.wallMicros() - plain.wallMicros());
                minusPlainCpu.get(variant).add(cost.cpuMicros() - plain.cpuMicros());
            });
        }

        Samples wall(Variant variant) {
            return wall.get(variant);
        }

        Samples cpu(Variant variant) {
            return cpu.get(variant);
        }

        Samples minusPlainWall(Variant variant) {
            return minusPlainWall.get(variant);
        }

        Samples minusPlainCpu(Variant variant) {
            return minusPlainCpu.get(variant);
        }
    }
}
