package io.github.dbtestkit.benchmarks;

import io.github.dbtestkit.benchmarks.harness.Report;

/**
 * One measurement the harness can run: it times dbtestkit against a baseline run in the same process (or the same
 * kind of child JVM) and prints a table of absolute numbers and ratios. Each benchmark is one class, registered in
 * {@link Main}.
 *
 * <pre>{@code
 * Benchmark overhead = new RollbackOverheadBenchmark();
 * overhead.run(BenchmarkOptions.fromSystemProperties(), new Report(System.out));
 * }</pre>
 */
public interface Benchmark {

    /** The id used to select it, e.g. {@code rollback-overhead} in {@code -Dbench.only=rollback-overhead}. */
    String id();

    /** One line saying what it measures and against which baseline. */
    String description();

    /**
     * Runs the measurement: progress, tables and notes go to {@code report}, which prints them and keeps them (and
     * every series of measurements behind the tables) for {@code RESULTS.md}.
     *
     * @throws Exception when the measurement cannot be made; the harness reports it and goes on with the next one
     */
    void run(BenchmarkOptions options, Report report) throws Exception;
}
