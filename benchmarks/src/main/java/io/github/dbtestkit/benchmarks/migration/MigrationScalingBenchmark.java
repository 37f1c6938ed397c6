package io.github.dbtestkit.benchmarks.migration;

import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.Folders;
import io.github.dbtestkit.benchmarks.harness.GeneratedClasses;
import io.github.dbtestkit.benchmarks.harness.InProcessLauncher;
import io.github.dbtestkit.core.Messages;
import io.github.dbtestkit.benchmarks.harness.PerTest;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.benchmarks.harness.Provisioners;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Time of a class's first migration for {@value #SMALL}, 100 and {@value #LARGE} generated migrations, per engine and
 * per tool (Flyway scripts, and a Liquibase changelog with one change set per migration): a
 * {@code @DatabaseTest(schema = MIGRATIONS)} class per tool and count, class start to its first test's body, against
 * the tool's own API ({@link ToolAlone}) migrating the same migrations on an empty database of the same server (its
 * creation timed apart, since dbtestkit creates one too). Every round rewrites the scripts with a new marker, so each class migrates
 * a new database. Linearity is the cost per migration at 100 and {@value #LARGE} over the cost per migration at
 * {@value #SMALL}.
 *
 * <pre>{@code
 * new MigrationScalingBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class MigrationScalingBenchmark implements Benchmark {

    private static final int SMALL = 10;
    private static final int LARGE = 300;
    private static final List<Integer> COUNTS = List.of(SMALL, 100, LARGE);
    /** The counts in smoke mode: small, middle, large as in a full run, in a fraction of the time. */
    private static final List<Integer> SMOKE_COUNTS = List.of(2, 4, 6);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public String id() {
        return "migration-scaling";
    }

    @Override
    public String description() {
        return "first migration of " + COUNTS + " generated Flyway / Liquibase migrations through @DatabaseTest vs the tool's own API";
    }

    /**
     * Warm-up rounds: one, whatever {@code bench.warmups} says, because a round migrates {@code 2 x 410} migrations per
     * tool and takes seconds: JIT compilation is done within the first. None in smoke mode.
     */
    static int warmups(BenchmarkOptions options) {
        return options.smoke() ? 0 : 1;
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        List<Integer> counts = options.smoke() ? SMOKE_COUNTS : COUNTS;
        int small = counts.get(0);
        int middle = counts.get(1);
        int large = counts.get(2);
        Table table = new Table("engine", "tool", "migrations", "dbtestkit ms", "dbtestkit ms/migration", "create db ms",
                "tool alone ms", "tool ms/migration", "dbtestkit - (create + tool) ms", "dbtestkit/tool",
                "dbtestkit CPU ms", "tool CPU ms");
        String vsMiddle = " ms/migration " + middle + " vs " + small;
        String vsLarge = " ms/migration " + large + " vs " + small;
        String marginal = " marginal ms/migration " + small + "→" + large;
        Table linearity = new Table("engine", "tool", "dbtestkit" + vsMiddle, "dbtestkit" + vsLarge,
                "dbtestkit" + marginal, "tool" + vsMiddle, "tool" + vsLarge, "tool" + marginal);
        List<String> notMeasured = new ArrayList<>();
        Path root = Folders.createTemp("dbtestkit-bench-migrations");
        try {
            Map<String, String> sources = new LinkedHashMap<>();
            for (GeneratedMigrations tool : GeneratedMigrations.values()) {
                for (int count : counts) {
                    sources.put(className(tool, count), MigratedTestSource.of(className(tool, count),
                            tool.target(folder(root, tool, count)), GeneratedMigrations.lastTable(count)));
                }
            }
            DatabaseProvisioner provisioner = Provisioners.shared();
            try (GeneratedClasses classes = GeneratedClasses.compile(sources);
                 InProcessLauncher launcher = InProcessLauncher.forBenchmark(options.smoke())) {
                for (Engine engine : options.engines()) {
                    for (GeneratedMigrations tool : GeneratedMigrations.values()) {
                        report.progress("  measuring " + engine.displayName() + ", " + tool.displayName() + " (" + warmups(options)
                                + " warm-up + " + options.rounds() + " timed rounds of " + counts
                                + " migrations, dbtestkit and " + tool.displayName() + " alone)...");
                        try {
                            Map<Integer, Result> results = measure(engine, tool, counts, options, launcher, classes, root,
                                    provisioner.server(engine.kind()));
                            addRows(table, linearity, engine, tool, counts, results);
                            results.forEach((count, r) -> {
                                String key = engine.id() + " · " + tool.displayName() + " · " + count + " migrations · ";
                                report.samples(key + "dbtestkit · wall", "ms", r.dbtestkit);
                                report.samples(key + "create db · wall", "ms", r.create);
                                report.samples(key + "tool alone · wall", "ms", r.tool);
                                report.samples(key + "dbtestkit - (create + tool) · wall", "ms", r.overhead);
                                report.samples(key + "dbtestkit · CPU", "ms", r.dbtestkitCpu);
                                report.samples(key + "tool alone · CPU", "ms", r.toolCpu);
                            });
                        } catch (Exception e) {
                            notMeasured.add(engine.displayName() + ", " + tool.displayName() + ": " + Messages.chain(e));
                        }
                    }
                }
            }
        } finally {
            Folders.delete(root);
        }
        report.table("First migration, wall-clock (dbtestkit: class start to first test body; tool alone: Flyway's"
                + " configure().load().migrate() or Liquibase's update() on an empty database created just before, its"
                + " creation timed apart):", table);
        report.table("Linearity (1.00x = every migration costs the same at every count; below 1 = a fixed cost spread over"
                + " more migrations; marginal = (ms at " + large + " - ms at " + small + ") / " + (large - small) + "):", linearity);
        report.note("Medians of " + options.rounds() + " rounds; dbtestkit - (create + tool) = the median of the per-round"
                + " differences; CPU = the launching thread's CPU time (leaves out the PostgreSQL server's work).");
        if (!notMeasured.isEmpty()) {
            notMeasured.forEach(line -> report.note("not measured: " + line));
            throw new IllegalStateException(notMeasured.size() + " engine/tool pair(s) could not be measured; see above.");
        }
    }

    private static void addRows(Table table, Table linearity, Engine engine, GeneratedMigrations tool,
                                List<Integer> counts, Map<Integer, Result> results) {
        for (int count : counts) {
            Result r = results.get(count);
            table.row(engine.id(), tool.displayName(), Integer.toString(count),
                    Table.number(r.dbtestkit.median(), 0),
                    Table.number(r.dbtestkit.median() / count, 2),
                    Table.number(r.create.median(), 0),
                    Table.number(r.tool.median(), 0),
                    Table.number(r.tool.median() / count, 2),
                    Table.number(r.overhead.median(), 0),
                    Table.ratio(r.dbtestkit.median(), r.tool.median()),
                    Table.number(r.dbtestkitCpu.median(), 0),
                    Table.number(r.toolCpu.median(), 0));
        }
        int smallCount = counts.get(0);
        int middleCount = counts.get(1);
        int largeCount = counts.get(2);
        Result small = results.get(smallCount);
        Result middle = results.get(middleCount);
        Result large = results.get(largeCount);
        linearity.row(engine.id(), tool.displayName(),
                perMigrationRatio(middle.dbtestkit, middleCount, small.dbtestkit, smallCount),
                perMigrationRatio(large.dbtestkit, largeCount, small.dbtestkit, smallCount),
                marginal(large.dbtestkit, largeCount, small.dbtestkit, smallCount),
                perMigrationRatio(middle.tool, middleCount, small.tool, smallCount),
                perMigrationRatio(large.tool, largeCount, small.tool, smallCount),
                marginal(large.tool, largeCount, small.tool, smallCount));
    }

    private static Map<Integer, Result> measure(Engine engine, GeneratedMigrations tool, List<Integer> counts,
                                                BenchmarkOptions options,
                                                InProcessLauncher launcher, GeneratedClasses classes, Path root,
                                                DatabaseServer server) throws Exception {
        Map<String, String> configuration = Map.of(InProcessLauncher.ENGINES, engine.id());
        Map<Integer, Result> results = new LinkedHashMap<>();
        counts.forEach(count -> results.put(count, new Result()));
        for (int round = 0; round < warmups(options) + options.rounds(); round++) {
            boolean timed = round >= warmups(options);
            for (int count : counts) {
                Path location = tool.write(folder(root, tool, count), count,
                        "dbtestkit benchmark " + engine.id() + " round " + round);
                PerTest ours = null;
                double[] alone = null;
                // dbtestkit and the tool alone take turns at going first, so neither always pays for the other's garbage.
                for (int turn = 0; turn < 2; turn++) {
                    System.gc();
                    if ((turn + round) % 2 == 0) {
                        ours = launcher.run(classes.load(className(tool, count)), configuration).classSetup();
                    } else {
                        alone = alone(server, tool, location, engine, count, round);
                    }
                }
                if (timed) {
                    Result result = results.get(count);
                    result.dbtestkit.add(ours.wallMicros() / 1000);
                    result.dbtestkitCpu.add(ours.cpuMicros() / 1000);
                    result.create.add(alone[0]);
                    result.tool.add(alone[1]);
                    result.toolCpu.add(alone[2]);
                    result.overhead.add(ours.wallMicros() / 1000 - alone[0] - alone[1]);
                }
            }
        }
        return results;
    }

    /** Creates an empty database, then migrates it with the tool alone: {creation ms, migrate ms, migrate CPU ms}. */
    private static double[] alone(DatabaseServer server, GeneratedMigrations tool, Path location, Engine engine,
                                  int count, int round) throws Exception {
        long start = System.nanoTime();
        try (DatabaseInstance database = server.createDatabase("bench_" + tool.name().toLowerCase(Locale.ROOT) + "_"
                + engine.id() + "_" + count + "_" + round)) {
            long created = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            ToolAlone.migrate(tool, database.dataSource(), location);
            long migrated = System.nanoTime();
            long migratedCpu = THREADS.getCurrentThreadCpuTime();
            return new double[] {(created - start) / 1e6, (migrated - created) / 1e6, (migratedCpu - cpu) / 1e6};
        }
    }

    private static String perMigrationRatio(Samples more, int moreCount, Samples fewer, int fewerCount) {
        return Table.ratio(more.median() / moreCount, fewer.median() / fewerCount);
    }

    private static String marginal(Samples large, int largeCount, Samples small, int smallCount) {
        return Table.number((large.median() - small.median()) / (largeCount - smallCount), 2);
    }

    private static Path folder(Path root, GeneratedMigrations tool, int count) {
        return root.resolve(tool.name().toLowerCase(Locale.ROOT)).resolve("n" + count);
    }

    private static String className(GeneratedMigrations tool, int count) {
        return "bench.gen.scaling." + tool.displayName() + count + "MigrationsTest";
    }

    /** Milliseconds per round for one count. */
    private static final class Result {
        final Samples dbtestkit = new Samples();
        final Samples dbtestkitCpu = new Samples();
        final Samples create = new Samples();
        final Samples tool = new Samples();
        final Samples toolCpu = new Samples();
        final Samples overhead = new Samples();
    }
}
