package io.github.dbtestkit.benchmarks.harness;

/**
 * The cost of one test (or one iteration of a loop) in one timed run: wall-clock time, and CPU time of the thread
 * that ran it, both in microseconds.
 *
 * <pre>{@code
 * PerTest cost = span.perTest();
 * samples.add(cost.wallMicros());
 * }</pre>
 *
 * @param wallMicros wall-clock microseconds per test
 * @param cpuMicros  microseconds of CPU time per test, in the thread that ran the tests
 */
public record PerTest(double wallMicros, double cpuMicros) {

    /** The cost of {@code count} tests that took these nanoseconds in total. */
    public static PerTest of(long wallNanos, long cpuNanos, int count) {
        return new PerTest(wallNanos / 1000.0 / count, cpuNanos / 1000.0 / count);
    }
}
