package io.github.dbtestkit.benchmarks.overhead;

import java.util.stream.LongStream;

/**
 * How many tests the benchmark classes generate: a parameterized test whose source reads this count, because
 * {@code @RepeatedTest} takes its count at compile time and the harness sets it per run ({@code bench.iterations}).
 * Every invocation of a {@code @ParameterizedTest} goes through the full test lifecycle, extensions included.
 *
 * <pre>{@code
 * Invocations.set(1000);
 * @ParameterizedTest @MethodSource(Invocations.SOURCE) void insertsOneRow(long id) { ... }
 * }</pre>
 */
public final class Invocations {

    /** The {@code @MethodSource} reference of {@link #ids()}. */
    public static final String SOURCE = "io.github.dbtestkit.benchmarks.overhead.Invocations#ids";

    private static volatile int count = 1;

    private Invocations() {
    }

    /** Sets the number of tests the next runs generate. */
    public static void set(int tests) {
        if (tests < 1) {
            throw new IllegalArgumentException("The number of tests must be at least 1, not " + tests + ".");
        }
        count = tests;
    }

    /** The ids of the rows the generated tests insert, one test each. */
    public static LongStream ids() {
        return LongStream.range(0, count);
    }
}
