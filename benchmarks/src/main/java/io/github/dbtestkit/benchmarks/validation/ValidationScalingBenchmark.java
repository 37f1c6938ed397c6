package io.github.dbtestkit.benchmarks.validation;

import io.github.dbtestkit.core.Messages;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.GeneratedClasses;
import io.github.dbtestkit.core.Messages;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;
import io.github.dbtestkit.core.DatabaseInstance;
import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.DatabaseProvisioner;
import io.github.dbtestkit.benchmarks.harness.Provisioners;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.schema.Severity;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Schema validation of {@value #SMALL}, 100 and {@value #LARGE} generated entities against the schema Hibernate created
 * for them, per engine: {@code SchemaValidator.forEntities(...).against(dataSource).validate()} the first time for the
 * entity set (cold: Hibernate's boot included) and warm (the median of {@code bench.rounds} calls after
 * {@code bench.warmups}), against Hibernate's own {@code hbm2ddl validate} on the same schema: cold (service registry,
 * metadata and validation) and warm (validation on metadata already built). Hibernate checks much less: tables,
 * columns and column types, stopping at the first mismatch; dbtestkit also compares lengths, precision, nullability,
 * keys, foreign keys, unique constraints, indexes and sequences, and collects every difference.
 *
 * <pre>{@code
 * new ValidationScalingBenchmark().run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public final class ValidationScalingBenchmark implements Benchmark {

    private static final int SMALL = 30;
    private static final int LARGE = 300;
    private static final List<Integer> COUNTS = List.of(SMALL, 100, LARGE);
    /** The counts in smoke mode: small, middle, large as in a full run, in a fraction of the time. */
    private static final List<Integer> SMOKE_COUNTS = List.of(3, 6, 10);
    /** The target for a warm validation of {@value #LARGE} entities, in milliseconds. */
    static final double TARGET_MILLIS = 1000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Warm-up calls per entity count: {@code bench.warmups}, but at least {@value #MIN_WARMUPS}, because one call is
     * short (tens of milliseconds) and the first count also warms the JIT for the others; with fewer, the smallest
     * count looked slower per entity than the larger ones.
     */
    static final int MIN_WARMUPS = 10;

    @Override
    public String id() {
        return "validation-scaling";
    }

    @Override
    public String description() {
        return "SchemaValidator on " + COUNTS + " generated entities, cold and warm, vs Hibernate's hbm2ddl validate";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        if (GeneratedClasses.compiler().isEmpty()) {
            report.note("skipped: this Java runtime has no compiler (javax.tools.ToolProvider.getSystemJavaCompiler() is"
                    + " null), so the entities cannot be generated; run the benchmarks on a JDK.");
            return;
        }
        List<Integer> counts = options.smoke() ? SMOKE_COUNTS : COUNTS;
        int smallCount = counts.get(0);
        int middleCount = counts.get(1);
        int largeCount = counts.get(2);
        int warmups = warmups(options);
        Table table = new Table("engine", "entities", "dbtestkit cold ms", "dbtestkit warm ms", "warm ms/entity",
                "warm min..max", "target ms", "met", "Hibernate cold ms", "Hibernate warm ms", "dbtestkit/Hibernate warm",
                "dbtestkit/Hibernate cold", "dbtestkit warm CPU ms", "Hibernate warm CPU ms", "findings E/W/I");
        String vsSmall = " ms/entity " + middleCount + " vs " + smallCount;
        String vsMiddle = " ms/entity " + largeCount + " vs " + middleCount;
        String marginal = " marginal ms/entity " + smallCount + "→" + largeCount;
        Table linearity = new Table("engine", "dbtestkit" + vsSmall, "dbtestkit" + vsMiddle, "dbtestkit" + marginal,
                "Hibernate" + vsSmall, "Hibernate" + vsMiddle, "Hibernate" + marginal);
        List<String> notMeasured = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long compileStart = System.nanoTime();
        DatabaseProvisioner provisioner = Provisioners.shared();
        try (GeneratedClasses classes = GeneratedClasses.compile(EntitySources.of(largeCount))) {
            List<Class<?>> all = IntStream.rangeClosed(1, largeCount).<Class<?>>mapToObj(i -> classes.load(EntitySources.className(i))).toList();
            report.progress("  generated and compiled " + largeCount + " entity classes in "
                    + Table.number((System.nanoTime() - compileStart) / 1e9, 1) + " s (not timed below)");
            for (Engine engine : options.engines()) {
                report.progress("  measuring " + engine.displayName() + " (" + counts + " entities: cold once, then "
                        + warmups + " warm-up + " + options.rounds() + " timed validations each, dbtestkit and Hibernate)...");
                try {
                    DatabaseServer server = provisioner.server(engine.kind());
                    Map<Integer, Result> results = new LinkedHashMap<>();
                    for (int count : counts) {
                        Result r = measure(engine, server, all.subList(0, count), options);
                        results.put(count, r);
                        String key = engine.id() + " · " + count + " entities · ";
                        report.samples(key + "dbtestkit warm · wall", "ms", r.oursWarm);
                        report.samples(key + "dbtestkit warm · CPU", "ms", r.oursWarmCpu);
                        report.samples(key + "Hibernate warm · wall", "ms", r.hibernateWarm);
                        report.samples(key + "Hibernate warm · CPU", "ms", r.hibernateWarmCpu);
                        table.row(engine.id(), Integer.toString(count),
                                Table.number(r.oursCold, 0),
                                Table.number(r.oursWarm.median(), 1),
                                Table.number(r.oursWarm.median() / count, 2),
                                Table.number(r.oursWarm.min(), 1) + ".." + Table.number(r.oursWarm.max(), 1),
                                count == largeCount ? Table.number(TARGET_MILLIS, 0) : "-",
                                count == largeCount ? (r.oursWarm.median() <= TARGET_MILLIS ? "yes" : "NO") : "-",
                                r.hibernateFailure == null ? Table.number(r.hibernateCold, 0) : "n/a",
                                r.hibernateFailure == null ? Table.number(r.hibernateWarm.median(), 1) : "n/a",
                                r.hibernateFailure == null ? Table.ratio(r.oursWarm.median(), r.hibernateWarm.median()) : "n/a",
                                r.hibernateFailure == null ? Table.ratio(r.oursCold, r.hibernateCold) : "n/a",
                                Table.number(r.oursWarmCpu.median(), 1),
                                r.hibernateFailure == null ? Table.number(r.hibernateWarmCpu.median(), 1) : "n/a",
                                r.findings);
                        if (r.hibernateFailure != null) {
                            notes.add(engine.displayName() + ", " + count + " entities: Hibernate's validate failed, so it"
                                    + " has no figures: " + r.hibernateFailure);
                        }
                        if (!r.firstWarning.isEmpty() && count == smallCount) {
                            notes.add(engine.displayName() + ": dbtestkit's warnings on the schema Hibernate created,"
                                    + " e.g. " + r.firstWarning);
                        }
                        if (!r.findings.startsWith("0/")) {
                            notes.add(engine.displayName() + ", " + count + " entities: dbtestkit reports errors on the"
                                    + " schema Hibernate created for these very entities: " + r.firstError);
                        }
                    }
                    Result small = results.get(smallCount);
                    Result middle = results.get(middleCount);
                    Result large = results.get(largeCount);
                    boolean hibernate = small.hibernateFailure == null && middle.hibernateFailure == null
                            && large.hibernateFailure == null;
                    linearity.row(engine.id(),
                            perEntityRatio(middle.oursWarm, middleCount, small.oursWarm, smallCount),
                            perEntityRatio(large.oursWarm, largeCount, middle.oursWarm, middleCount),
                            marginal(large.oursWarm, largeCount, small.oursWarm, smallCount),
                            hibernate ? perEntityRatio(middle.hibernateWarm, middleCount, small.hibernateWarm, smallCount) : "n/a",
                            hibernate ? perEntityRatio(large.hibernateWarm, largeCount, middle.hibernateWarm, middleCount) : "n/a",
                            hibernate ? marginal(large.hibernateWarm, largeCount, small.hibernateWarm, smallCount) : "n/a");
                } catch (Exception e) {
                    notMeasured.add(engine.displayName() + ": " + Messages.chain(e));
                }
            }
        }
        report.table("Validation time, wall-clock (cold = the first validation of the entity set: dbtestkit's includes"
                + " Hibernate's metadata boot, which it then caches; Hibernate's = service registry + metadata + validate):", table);
        report.table("Linearity of warm validation (1.00x = every entity costs the same at both counts; below 1 = a fixed"
                + " cost spread over more entities; marginal = (ms at " + largeCount + " - ms at " + smallCount + ") / "
                + (largeCount - smallCount) + "):", linearity);
        report.note("Warm = medians of " + options.rounds() + " calls after " + warmups + " warm-up calls, dbtestkit"
                + " and Hibernate taking turns; CPU = the calling thread's CPU time (leaves out the PostgreSQL server's"
                + " work); findings = dbtestkit's errors/warnings/notices. Hibernate's validate checks tables, columns and"
                + " types only and stops at the first mismatch; dbtestkit also compares lengths, precision, nullability,"
                + " keys, foreign keys, unique constraints, indexes and sequences, and collects every difference.");
        notes.forEach(line -> report.note("note: " + line));
        if (!notMeasured.isEmpty()) {
            notMeasured.forEach(line -> report.note("not measured: " + line));
            throw new IllegalStateException(notMeasured.size() + " engine(s) could not be measured; see above.");
        }
    }

    private static Result measure(Engine engine, DatabaseServer server, List<Class<?>> entities, BenchmarkOptions options) {
        Result result = new Result();
        try (DatabaseInstance database = server.createDatabase("bench_validation_" + engine.id() + "_" + entities.size());
             HibernateSchema hibernate = HibernateSchema.of(engine, database.dataSource(), entities)) {
            DataSource dataSource = database.dataSource();
            hibernate.create();
            Class<?>[] classes = entities.toArray(Class<?>[]::new);

            System.gc();
            long start = System.nanoTime();
            SchemaReport report = SchemaValidator.forEntities(classes).against(dataSource).validate();
            result.oursCold = (System.nanoTime() - start) / 1e6;
            result.findings = report.differences(Severity.ERROR).size() + "/" + report.differences(Severity.WARNING).size()
                    + "/" + report.differences(Severity.INFO).size();
            result.firstError = report.differences(Severity.ERROR).stream().findFirst().map(d -> d.message()).orElse("");
            result.firstWarning = report.differences(Severity.WARNING).stream().findFirst().map(d -> d.message()).orElse("");

            System.gc();
            start = System.nanoTime();
            try (HibernateSchema cold = HibernateSchema.of(engine, dataSource, entities)) {
                cold.validate();
                result.hibernateCold = (System.nanoTime() - start) / 1e6;
            } catch (RuntimeException e) {
                result.hibernateFailure = Messages.chain(e);
            }

            int warmups = warmups(options);
            for (int call = 0; call < warmups + options.rounds(); call++) {
                boolean timed = call >= warmups;
                // Each takes its turn at going first, so neither always pays for the other's garbage.
                for (int turn = 0; turn < 2; turn++) {
                    boolean ours = (turn + call) % 2 == 0;
                    if (!ours && result.hibernateFailure != null) {
                        continue;
                    }
                    System.gc();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    if (ours) {
                        SchemaValidator.forEntities(classes).against(dataSource).validate();
                    } else {
                        hibernate.validate();
                    }
                    double wallMillis = (System.nanoTime() - wall) / 1e6;
                    double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
                    if (timed) {
                        (ours ? result.oursWarm : result.hibernateWarm).add(wallMillis);
                        (ours ? result.oursWarmCpu : result.hibernateWarmCpu).add(cpuMillis);
                    }
                }
            }
        }
        return result;
    }

    /** {@code bench.warmups}, at least {@value #MIN_WARMUPS}; in smoke mode {@code bench.warmups} alone. */
    private static int warmups(BenchmarkOptions options) {
        return options.smoke() ? options.warmups() : Math.max(options.warmups(), MIN_WARMUPS);
    }

    private static String perEntityRatio(Samples more, int moreCount, Samples fewer, int fewerCount) {
        return Table.ratio(more.median() / moreCount, fewer.median() / fewerCount);
    }

    private static String marginal(Samples large, int largeCount, Samples small, int smallCount) {
        return Table.number((large.median() - small.median()) / (largeCount - smallCount), 3);
    }

    /** One entity count on one engine. */
    private static final class Result {
        double oursCold;
        double hibernateCold;
        String hibernateFailure;
        String findings;
        String firstError;
        String firstWarning;
        final Samples oursWarm = new Samples();
        final Samples oursWarmCpu = new Samples();
        final Samples hibernateWarm = new Samples();
        final Samples hibernateWarmCpu = new Samples();
    }
}
