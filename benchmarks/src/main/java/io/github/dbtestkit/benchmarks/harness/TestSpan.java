package io.github.dbtestkit.benchmarks.harness;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the tests of one launcher run from the start of the first test to the end of the last, so the span holds
 * every test's whole lifecycle (extensions' before/after callbacks, parameter resolution, the body, other listeners)
 * and the gaps between tests, but not discovery nor once-per-class setup, which {@link #classSetup()} times apart.
 * Besides wall-clock time it reads the CPU time of the thread that runs the tests (JUnit runs them, and calls
 * listeners, on the launching thread unless parallel execution is on), which other processes on the machine disturb
 * far less, but which leaves out time spent waiting for a database server in another process.
 *
 * <pre>{@code
 * TestSpan span = new TestSpan(); launcher.execute(request, span);
 * double micros = span.perTest().wallMicros();
 * }</pre>
 */
public final class TestSpan implements TestExecutionListener {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long classStart = -1;
    private long classStartCpu = -1;
    private long firstStart = -1;
    private long lastFinish = -1;
    private long firstStartCpu = -1;
    private long lastFinishCpu = -1;
    private int finished;
    private final List<String> failures = new ArrayList<>();

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (identifier.isContainer() && classStart < 0 && identifier.getSource().filter(ClassSource.class::isInstance).isPresent()) {
            classStartCpu = THREADS.getCurrentThreadCpuTime();
            classStart = System.nanoTime();
        }
        if (identifier.isTest() && firstStart < 0) {
            firstStartCpu = THREADS.getCurrentThreadCpuTime();
            firstStart = System.nanoTime();
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            lastFinish = System.nanoTime();
            lastFinishCpu = THREADS.getCurrentThreadCpuTime();
            finished++;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            failures.add(identifier.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse(result.getStatus().toString()));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        failures.add(identifier.getDisplayName() + " was skipped: " + reason);
    }

    /** Tests that finished. */
    public int tests() {
        return finished;
    }

    /** What failed, was aborted or skipped, containers included; empty when everything passed. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Nanoseconds from the first test's start to the last test's end. */
    public long spanNanos() {
        if (finished == 0) {
            throw new IllegalStateException("No test ran.");
        }
        return lastFinish - firstStart;
    }

    /**
     * From the start of the first test class (its outermost container, before any of its extensions' callbacks) to
     * the start of its first test's body, marked by the test with {@link FirstBody#reached()}: what a class pays before
     * it can test, its database setup included, wherever the extension does it (before all, before each, or while
     * resolving parameters).
     *
     * @throws IllegalStateException when no class ran or no test body called {@link FirstBody#reached()}
     */
    public PerTest classSetup() {
        if (classStart < 0 || FirstBody.wallNanos() < classStart) {
            throw new IllegalStateException("No test body marked its start with FirstBody.reached() in this run.");
        }
        return PerTest.of(FirstBody.wallNanos() - classStart, FirstBody.cpuNanos() - classStartCpu, 1);
    }

    /** The span's wall-clock and CPU time divided by the number of tests. */
    public PerTest perTest() {
        return PerTest.of(spanNanos(), lastFinishCpu - firstStartCpu, finished);
    }
}
