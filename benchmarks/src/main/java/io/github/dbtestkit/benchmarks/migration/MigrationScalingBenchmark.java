package io.github.dbtestkit.benchmarks.migration;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.Folders;
import io.github.dbtestkit.benchmarks.harness.GeneratedClasses;
import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import io.github.dbtestkit.benchmarks.harness.PerTest;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;
import io.github.dbtestkit.config.ConfigurationSources;
import io.github.dbtestkit.config.Settings;
import io.github.dbtestkit.engine.DatabaseInstance;
import io.github.dbtestkit.engine.DatabaseServer;
import io.github.dbtestkit.engine.DatabaseServers;
import org.flywaydb.core.Flyway;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Time of a class's first migration for {@value #SMALL}, 100 and {@value #LARGE} generated Flyway migrations, per
 * engine: a {@code @DatabaseTest(schema = MIGRATIONS)} class per count, class start to its first test's body, against
 * Flyway's own {@code migrate()} of the same scripts on an empty database of the same server (its creation timed
 * apart, since dbtestkit creates one too). Every round rewrites the scripts with a new marker, so each class migrates
 * a new database. Linearity is the cost per migration at 100 and {@value #LARGE} over the cost per migration at
 * {@value #SMALL}.
 *
 * <pre>{@code
 * new MigrationScalingBenchmark().run(BenchmarkOptions.fromSystemProperties(), System.out);
 * }</pre>
 */
public final class MigrationScalingBenchmark implements Benchmark {

    private static final int SMALL = 10;
    private static final int LARGE = 300;
    private static final List<Integer> COUNTS = List.of(SMALL, 100, LARGE);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public String id() {
        return "migration-scaling";
    }

    @Override
    public String description() {
        return "first migration of " + COUNTS + " generated Flyway migrations through @DatabaseTest vs Flyway's own migrate()";
    }

    /**
     * Warm-up rounds: one, whatever {@code bench.warmups} says, because a round migrates {@code 2 x 410} scripts and
     * takes seconds: JIT compilation is done within the first.
     */
    static int warmups() {
        return 1;
    }

    @Override
    public void run(BenchmarkOptions options, PrintStream out) throws Exception {
        Table table = new Table("engine", "migrations", "dbtestkit ms", "dbtestkit ms/migration", "create db ms",
                "Flyway migrate ms", "Flyway ms/migration", "dbtestkit - (create + Flyway) ms", "dbtestkit/Flyway",
                "dbtestkit CPU ms", "Flyway CPU ms");
        Table linearity = new Table("engine", "dbtestkit ms/migration 100 vs 10", "dbtestkit ms/migration 300 vs 10",
                "dbtestkit marginal ms/migration 10→300", "Flyway ms/migration 100 vs 10", "Flyway ms/migration 300 vs 10",
                "Flyway marginal ms/migration 10→300");
        List<String> notMeasured = new ArrayList<>();
        Path root = Folders.createTemp("dbtestkit-bench-migrations");
        try {
            Map<Integer, Path> folders = new LinkedHashMap<>();
            Map<String, String> sources = new LinkedHashMap<>();
            for (int count : COUNTS) {
                Path folder = root.resolve("n" + count);
                folders.put(count, folder);
                sources.put(className(count), MigratedTestSource.of(className(count), folder, FlywayScripts.lastTable(count)));
            }
            Settings settings = ConfigurationSources.of(key -> Optional.ofNullable(System.getProperty(key))).settings();
            try (GeneratedClasses classes = GeneratedClasses.compile(sources);
                 InProcessLauncher launcher = new InProcessLauncher()) {
                for (Engine engine : options.engines()) {
                    out.println("  measuring " + engine.displayName() + " (" + warmups() + " warm-up + " + options.rounds()
                            + " timed rounds of " + COUNTS + " migrations, dbtestkit and Flyway)...");
                    try {
                        Map<Integer, Result> results = measure(engine, options, launcher, classes, folders,
                                DatabaseServers.obtain(engine, settings));
                        for (int count : COUNTS) {
                            Result r = results.get(count);
                            table.row(engine.id(), Integer.toString(count),
                                    Table.number(r.dbtestkit.median(), 0),
                                    Table.number(r.dbtestkit.median() / count, 2),
                                    Table.number(r.create.median(), 0),
                                    Table.number(r.flyway.median(), 0),
                                    Table.number(r.flyway.median() / count, 2),
                                    Table.number(r.overhead.median(), 0),
                                    Table.ratio(r.dbtestkit.median(), r.flyway.median()),
                                    Table.number(r.dbtestkitCpu.median(), 0),
                                    Table.number(r.flywayCpu.median(), 0));
                        }
                        Result small = results.get(SMALL);
                        Result middle = results.get(100);
                        Result large = results.get(LARGE);
                        linearity.row(engine.id(),
                                perMigrationRatio(middle.dbtestkit, 100, small.dbtestkit, SMALL),
                                perMigrationRatio(large.dbtestkit, LARGE, small.dbtestkit, SMALL),
                                marginal(large.dbtestkit, small.dbtestkit),
                                perMigrationRatio(middle.flyway, 100, small.flyway, SMALL),
                                perMigrationRatio(large.flyway, LARGE, small.flyway, SMALL),
                                marginal(large.flyway, small.flyway));
                    } catch (Exception e) {
                        notMeasured.add(engine.displayName() + ": " + e.getMessage());
                    }
                }
            }
        } finally {
            Folders.delete(root);
        }
        out.println();
        out.println("First migration, wall-clock (dbtestkit: class start to first test body; Flyway: configure().load().migrate()"
                + " on an empty database created just before, its creation timed apart):");
        table.print(out);
        out.println();
        out.println("Linearity (1.00x = every migration costs the same at every count; below 1 = a fixed cost spread over"
                + " more migrations; marginal = (ms at " + LARGE + " - ms at " + SMALL + ") / " + (LARGE - SMALL) + "):");
        linearity.print(out);
        out.println();
        out.println("Medians of " + options.rounds() + " rounds; dbtestkit - (create + Flyway) = the median of the per-round"
                + " differences; CPU = the launching thread's CPU time (leaves out the PostgreSQL server's work).");
        if (!notMeasured.isEmpty()) {
            notMeasured.forEach(line -> out.println("not measured: " + line));
            throw new IllegalStateException(notMeasured.size() + " engine(s) could not be measured; see above.");
        }
    }

    private static Map<Integer, Result> measure(Engine engine, BenchmarkOptions options, InProcessLauncher launcher,
                                                GeneratedClasses classes, Map<Integer, Path> folders,
                                                DatabaseServer server) throws Exception {
        Map<String, String> configuration = Map.of(Settings.ENGINES, engine.id());
        Map<Integer, Result> results = new LinkedHashMap<>();
        COUNTS.forEach(count -> results.put(count, new Result()));
        for (int round = 0; round < warmups() + options.rounds(); round++) {
            boolean timed = round >= warmups();
            for (int count : COUNTS) {
                Path folder = folders.get(count);
                FlywayScripts.write(folder, count, "dbtestkit benchmark " + engine.id() + " round " + round);
                double ours = 0;
                double oursCpu = 0;
                double[] flyway = null;
                // dbtestkit and Flyway take turns at going first, so neither always pays for the other's garbage.
                for (int turn = 0; turn < 2; turn++) {
                    System.gc();
                    if ((turn + round) % 2 == 0) {
                        PerTest cost = launcher.run(classes.load(className(count)), configuration).classSetup();
                        ours = cost.wallMicros() / 1000;
                        oursCpu = cost.cpuMicros() / 1000;
                    } else {
                        flyway = flyway(server, folder, engine, count, round);
                    }
                }
                if (timed) {
                    Result result = results.get(count);
                    result.dbtestkit.add(ours);
                    result.dbtestkitCpu.add(oursCpu);
                    result.create.add(flyway[0]);
                    result.flyway.add(flyway[1]);
                    result.flywayCpu.add(flyway[2]);
                    result.overhead.add(ours - flyway[0] - flyway[1]);
                }
            }
        }
        return results;
    }

    /** Creates an empty database, then migrates it with Flyway alone: {creation ms, migrate ms, migrate CPU ms}. */
    private static double[] flyway(DatabaseServer server, Path folder, Engine engine, int count, int round) {
        long start = System.nanoTime();
        try (DatabaseInstance database = server.createDatabase("bench_flyway_" + engine.id() + "_" + count + "_" + round)) {
            long created = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            Flyway.configure()
                    .dataSource(database.dataSource())
                    .locations("filesystem:" + folder.toAbsolutePath())
                    .load()
                    .migrate();
            long migrated = System.nanoTime();
            long migratedCpu = THREADS.getCurrentThreadCpuTime();
            return new double[] {(created - start) / 1e6, (migrated - created) / 1e6, (migratedCpu - cpu) / 1e6};
        }
    }

    private static String perMigrationRatio(Samples more, int moreCount, Samples fewer, int fewerCount) {
        return Table.ratio(more.median() / moreCount, fewer.median() / fewerCount);
    }

    private static String marginal(Samples large, Samples small) {
        return Table.number((large.median() - small.median()) / (LARGE - SMALL), 2);
    }

    private static String className(int count) {
        return "bench.gen.scaling.Migrations" + count + "Test";
    }

    /** Milliseconds per round for one count. */
    private static final class Result {
        final Samples dbtestkit = new Samples();
        final Samples dbtestkitCpu = new Samples();
        final Samples create = new Samples();
        final Samples flyway = new Samples();
        final Samples flywayCpu = new Samples();
        final Samples overhead = new Samples();
    }
}
