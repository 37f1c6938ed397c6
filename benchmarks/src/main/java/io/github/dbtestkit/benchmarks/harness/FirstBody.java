package io.github.dbtestkit.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The moment a launched test's body starts, marked by the test itself. A listener's "test started" event comes before
 * the test's {@code beforeEach} callbacks and parameter resolution, where dbtestkit may still be preparing the
 * database, so only the body knows when the test can really begin. {@link InProcessLauncher} clears the mark before
 * each run; {@link TestSpan#classSetup()} reads it.
 *
 * <pre>{@code
 * @Test void firstTest(Connection connection) { FirstBody.reached(); ... }
 * }</pre>
 */
public final class FirstBody {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static volatile long wallNanos = -1;
    private static volatile long cpuNanos = -1;

    private FirstBody() {
    }

    /** Marks the start of a test body; only the first call after {@link #clear()} counts. */
    public static void reached() {
        if (wallNanos < 0) {
            cpuNanos = THREADS.getCurrentThreadCpuTime();
            wallNanos = System.nanoTime();
        }
    }

    static void clear() {
        wallNanos = -1;
        cpuNanos = -1;
    }

    static long wallNanos() {
        return wallNanos;
    }

    static long cpuNanos() {
        return cpuNanos;
    }
}
