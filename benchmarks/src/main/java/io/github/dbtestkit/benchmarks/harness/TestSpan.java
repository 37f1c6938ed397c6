package io.github.dbtestkit.benchmarks.harness;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Times the tests of one launcher run from the start of the first test to the end of the last, so the span holds
 * every test's whole lifecycle (extensions' before/after callbacks, parameter resolution, the body, other listeners)
 * and the gaps between tests, but not discovery nor once-per-class setup.
 *
 * <pre>{@code
 * TestSpan span = new TestSpan(); launcher.execute(request, span);
 * double perTest = span.nanosPerTest();
 * }</pre>
 */
public final class TestSpan implements TestExecutionListener {

    private long firstStart = -1;
    private long lastFinish = -1;
    private int finished;
    private final List<String> failures = new ArrayList<>();

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (identifier.isTest() && firstStart < 0) {
            firstStart = System.nanoTime();
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            lastFinish = System.nanoTime();
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

    /** The span divided by the number of tests. */
    public double nanosPerTest() {
        return (double) spanNanos() / finished;
    }
}
