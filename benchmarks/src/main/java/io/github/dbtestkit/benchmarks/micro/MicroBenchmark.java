package io.github.dbtestkit.benchmarks.micro;

import io.github.dbtestkit.benchmarks.Benchmark;
import io.github.dbtestkit.benchmarks.BenchmarkOptions;
import io.github.dbtestkit.benchmarks.harness.Report;
import io.github.dbtestkit.benchmarks.harness.Samples;
import io.github.dbtestkit.benchmarks.harness.Table;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JMH micro-benchmarks ({@link StatementSplitting}, {@link SchemaDiffing}, {@link SavepointMoves}), each method
 * against its class's baseline method from the same run. A full run forks one JVM per benchmark (JMH's default
 * discipline) with {@code bench.warmups} warm-up and {@code bench.rounds} measurement iterations of one second; smoke
 * mode runs each method once for 100 ms in this JVM, to prove it still runs.
 *
 * <pre>{@code
 * mvn -B -pl benchmarks -am -Pbench verify -DskipTests -Dbench.only=micro
 * }</pre>
 */
public final class MicroBenchmark implements Benchmark {

    /** Per JMH class: the baseline method, then what it is compared with. */
    private static final Map<Class<?>, List<String>> PAIRS = new LinkedHashMap<>();

    static {
        PAIRS.put(StatementSplitting.class, List.of("naiveSplit", "dbtestkitSplit"));
        PAIRS.put(SchemaDiffing.class, List.of("modelEquals", "dbtestkitDiff"));
        PAIRS.put(SavepointMoves.class, List.of("plainCommit", "viewCommit"));
    }

    @Override
    public String id() {
        return "micro";
    }

    @Override
    public String description() {
        return "JMH: splitting a 200-statement script vs String.split, the schema diff of 30 tables vs equals, a commit"
                + " by code under test (savepoint move) vs a real commit on H2";
    }

    @Override
    public void run(BenchmarkOptions options, Report report) throws Exception {
        ChainedOptionsBuilder jmh = new OptionsBuilder().verbosity(VerboseMode.SILENT).shouldFailOnError(true);
        PAIRS.keySet().forEach(type -> jmh.include(type.getName() + "\\."));
        if (options.smoke()) {
            jmh.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        } else {
            jmh.forks(1).warmupIterations(options.warmups()).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(options.rounds()).measurementTime(TimeValue.seconds(1));
        }
        report.progress("  JMH: " + PAIRS.size() * 2 + " methods" + (options.smoke() ? ", smoke" : ", one fork each, "
                + options.warmups() + " warm-up and " + options.rounds() + " measured iterations of 1 s") + "...");
        Collection<RunResult> results = new Runner(jmh.build()).run();

        Map<String, RunResult> byName = new LinkedHashMap<>();
        results.forEach(result -> byName.put(result.getParams().getBenchmark(), result));
        Table table = new Table("benchmark", "method", "µs/op", "± error (99.9%)", "min..max µs/op", "ratio to baseline");
        for (Map.Entry<Class<?>, List<String>> pair : PAIRS.entrySet()) {
            double baseline = Double.NaN;
            for (String method : pair.getValue()) {
                RunResult result = byName.get(pair.getKey().getName() + "." + method);
                if (result == null) {
                    throw new IllegalStateException("JMH returned no result for " + pair.getKey().getSimpleName() + "." + method);
                }
                Samples samples = iterations(result);
                double score = result.getPrimaryResult().getScore();
                double error = result.getPrimaryResult().getScoreError();
                boolean isBaseline = Double.isNaN(baseline);
                if (isBaseline) {
                    baseline = score;
                }
                table.row(pair.getKey().getSimpleName(), method + (isBaseline ? " (baseline)" : ""), Table.number(score, 2),
                        Double.isNaN(error) ? "-" : Table.number(error, 2),
                        Table.number(samples.min(), 2) + ".." + Table.number(samples.max(), 2),
                        isBaseline ? "1.00x" : Table.ratio(score, baseline));
                report.samples(pair.getKey().getSimpleName() + "." + method, "µs/op", samples);
            }
        }
        report.table("JMH micro-benchmarks (average time per operation):", table);
        report.note("StatementSplitting: " + StatementSplitting.STATEMENTS + " statements with comments, quoted and"
                + " dollar-quoted semicolons (String.split gets them wrong; it is the floor). SchemaDiffing: "
                + SchemaDiffing.TABLES + " tables of 8 columns with keys and indexes, one difference. SavepointMoves:"
                + " insert + commit on H2 in memory, through dbtestkit's connection view (release and set a savepoint) vs a"
                + " plain connection (a real commit).");
    }

    private static Samples iterations(RunResult result) {
        Samples samples = new Samples();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
                samples.add(iteration.getPrimaryResult().getScore());
            }
        }
        return samples;
    }
}
