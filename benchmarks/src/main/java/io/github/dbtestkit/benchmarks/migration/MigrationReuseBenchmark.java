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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Migration cost per test class once another class has migrated the same scripts: three
 * {@code @DatabaseTest(schema = MIGRATIONS)} classes share one Flyway folder of generated migrations (20, and 300 to
 * show whether reuse grows with the number of scripts) and run one after the other in one launcher session; the
 * first pays the migration, the later two should find the database already migrated. Each class's time from class
 * start to its first test's body is set against a
 * {@code schema = NONE} class's ({@link NoSchemaTest}), per engine. Every round rewrites the folder with a new marker,
 * so its checksum, and therefore the database, is new: the first class of every round migrates for real.
 *
 * <pre>{@code
 * new MigrationReuseBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class MigrationReuseBenchmark implements Benchmark {

    /**
     * Migrations in the shared folder: 20, enough that re-migrating would show (tens of ms), and 300, since a class
     * still reads every script to compute the checksum that finds the migrated database.
     */
    static final List<Integer> MIGRATIONS = List.of(20, 300);
    /** Migrations in smoke mode: enough to migrate, reuse and compare, in a fraction of a second. */
    static final List<Integer> SMOKE_MIGRATIONS = List.of(5);

    /** The target for a later class's migration cost, in milliseconds. */
    static final double TARGET_MILLIS = 5;

    private static final String FIRST = "FirstMigratedTest";
    private static final List<String> LATER = List.of("SecondMigratedTest", "ThirdMigratedTest");

    @Override
    public String id() {
        return "migration-reuse";
    }

    @Override
    public String description() {
        return "class start to first test of MIGRATIONS classes after a first class migrated the same Flyway scripts ("
                + MIGRATIONS.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" and "))
                + "), vs a schema = NONE class";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        List<Integer> counts = options.smoke() ? SMOKE_MIGRATIONS : MIGRATIONS;
        Table wall = new Table("engine", "migrations", "first class ms", "later classes ms", "NONE class ms (baseline)",
                "later - NONE ms", "min..max", "target ms", "met", "later/NONE", "first/NONE");
        Table cpu = new Table("engine", "migrations", "first class ms", "later classes ms", "NONE class ms (baseline)",
                "later - NONE ms", "min..max", "later/NONE", "first/NONE");
        List<String> notMeasured = new ArrayList<>();
        Path folder = Folders.createTemp("dbtestkit-bench-migrations");
        try {
            Map<String, String> sources = new LinkedHashMap<>();
            for (int count : counts) {
                String lastTable = GeneratedMigrations.lastTable(count);
                Path countFolder = folder.resolve("n" + count);
                sources.put(className(FIRST, count), MigratedTestSource.of(className(FIRST, count), countFolder, lastTable));
                LATER.forEach(name -> sources.put(className(name, count), MigratedTestSource.of(className(name, count), countFolder, lastTable)));
            }
            try (GeneratedClasses classes = GeneratedClasses.compile(sources);
                 InProcessLauncher launcher = InProcessLauncher.forBenchmark(options.smoke())) {
                for (Engine engine : options.engines()) {
                    for (int count : counts) {
                        report.progress("  measuring " + engine.displayName() + ", " + count + " migrations (" + options.warmups()
                                + " warm-up + " + options.rounds() + " timed rounds of 1 first + " + LATER.size()
                                + " later classes + the NONE class)...");
                        try {
                            Result result = measure(engine, count, options, launcher, classes, folder.resolve("n" + count));
                            String key = engine.id() + " · " + count + " migrations · ";
                            report.samples(key + "first class · wall", "ms", result.first.wall);
                            report.samples(key + "later classes · wall", "ms", result.later.wall);
                            report.samples(key + "NONE class · wall", "ms", result.none.wall);
                            report.samples(key + "later - NONE · wall", "ms", result.overheadWall);
                            report.samples(key + "first class · CPU", "ms", result.first.cpu);
                            report.samples(key + "later classes · CPU", "ms", result.later.cpu);
                            report.samples(key + "NONE class · CPU", "ms", result.none.cpu);
                            report.samples(key + "later - NONE · CPU", "ms", result.overheadCpu);
                            wall.row(engine.id(), Integer.toString(count),
                                    Table.number(result.first.wall.median(), 1),
                                    Table.number(result.later.wall.median(), 1),
                                    Table.number(result.none.wall.median(), 1),
                                    Table.number(result.overheadWall.median(), 2),
                                    Table.number(result.overheadWall.min(), 2) + ".." + Table.number(result.overheadWall.max(), 2),
                                    Table.number(TARGET_MILLIS, 0),
                                    result.overheadWall.median() <= TARGET_MILLIS ? "yes" : "NO",
                                    Table.ratio(result.later.wall.median(), result.none.wall.median()),
                                    Table.ratio(result.first.wall.median(), result.none.wall.median()));
                            cpu.row(engine.id(), Integer.toString(count),
                                    Table.number(result.first.cpu.median(), 1),
                                    Table.number(result.later.cpu.median(), 1),
                                    Table.number(result.none.cpu.median(), 1),
                                    Table.number(result.overheadCpu.median(), 2),
                                    Table.number(result.overheadCpu.min(), 2) + ".." + Table.number(result.overheadCpu.max(), 2),
                                    Table.ratio(result.later.cpu.median(), result.none.cpu.median()),
                                    Table.ratio(result.first.cpu.median(), result.none.cpu.median()));
                        } catch (Exception e) {
                            notMeasured.add(engine.displayName() + ", " + count + " migrations: " + Messages.chain(e));
                        }
                    }
                }
            }
        } finally {
            Folders.delete(folder);
        }
        report.table("Class start to first test, wall-clock:", wall);
        report.table("Class start to first test, CPU time of the test thread (leaves out the PostgreSQL server's work):", cpu);
        report.note("Medians of " + options.rounds() + " rounds; later classes = the " + LATER.size() + " classes after the"
                + " first, same migrations; later - NONE = the median of the per-round differences (mean of the later"
                + " classes minus the NONE class), i.e. what reusing the migrated database costs a class.");
        if (!notMeasured.isEmpty()) {
            notMeasured.forEach(line -> report.note("not measured: " + line));
            throw new IllegalStateException(notMeasured.size() + " engine/count pair(s) could not be measured; see above.");
        }
    }

    private static Result measure(Engine engine, int count, BenchmarkOptions options, InProcessLauncher launcher,
                                  GeneratedClasses classes, Path folder) throws Exception {
        Map<String, String> configuration = Map.of(InProcessLauncher.ENGINES, engine.id());
        Class<?> first = classes.load(className(FIRST, count));
        List<Class<?>> later = LATER.stream().<Class<?>>map(name -> classes.load(className(name, count))).toList();
        Result result = new Result();
        for (int round = 0; round < options.warmups() + options.rounds(); round++) {
            boolean timed = round >= options.warmups();
            GeneratedMigrations.FLYWAY.write(folder, count, "dbtestkit benchmark " + engine.id() + " round " + round);
            System.gc();
            PerTest firstCost = launcher.run(first, configuration).classSetup();
            // The later classes and the baseline take turns in a rotating order, so that neither always runs right
            // after the migration's garbage.
            List<Class<?>> rest = new ArrayList<>(later);
            rest.add(NoSchemaTest.class);
            double laterWall = 0;
            double laterCpu = 0;
            PerTest none = null;
            for (int i = 0; i < rest.size(); i++) {
                Class<?> testClass = rest.get((round + i) % rest.size());
                PerTest cost = launcher.run(testClass, configuration).classSetup();
                if (testClass == NoSchemaTest.class) {
                    none = cost;
                } else {
                    laterWall += millis(cost.wallMicros());
                    laterCpu += millis(cost.cpuMicros());
                    if (timed) {
                        result.later.add(cost);
                    }
                }
            }
            if (timed) {
                result.first.add(firstCost);
                result.none.add(none);
                result.overheadWall.add(laterWall / later.size() - millis(none.wallMicros()));
                result.overheadCpu.add(laterCpu / later.size() - millis(none.cpuMicros()));
            }
        }
        return result;
    }

    private static String className(String simpleName, int count) {
        return "bench.gen.reuse.n" + count + "." + simpleName;
    }

    private static double millis(double micros) {
        return micros / 1000;
    }

    /** Wall-clock and CPU milliseconds of one kind of class. */
    private static final class Costs {
        final Samples wall = new Samples();
        final Samples cpu = new Samples();

        void add(PerTest cost) {
            wall.add(millis(cost.wallMicros()));
            cpu.add(millis(cost.cpuMicros()));
        }
    }

    private static final class Result {
        final Costs first = new Costs();
        final Costs later = new Costs();
        final Costs none = new Costs();
        final Samples overheadWall = new Samples();
        final Samples overheadCpu = new Samples();
    }
}
