package io.github.dbtestkit.internal.report;

import org.apiguardian.api.API;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of every {@code @DatabaseTest} test of a run, as a matrix: test classes and tests down, engines across.
 *
 * <pre>{@code
 * RunResults results = new RunResults(); results.record("com.acme.PostTest", "saves()", "h2", Outcome.PASSED, "");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunResults {

    /** How one test ended on one engine. */
    public enum Outcome {
        /** It passed. */
        PASSED,
        /** It failed or could not run because of an error. */
        FAILED,
        /** It was skipped (a condition, or aborted). */
        SKIPPED
    }

    /**
     * One cell of the matrix.
     *
     * @param outcome how it ended
     * @param detail  the failure message or skip reason, empty when it passed
     */
    public record Cell(Outcome outcome, String detail) {
    }

    private final Set<String> engines = new LinkedHashSet<>();
    private final Map<String, Map<String, Map<String, Cell>>> byClass = new LinkedHashMap<>();

    /** Records one result. */
    public synchronized void record(String testClass, String test, String engine, Outcome outcome, String detail) {
        engines.add(engine);
        byClass.computeIfAbsent(testClass, c -> new LinkedHashMap<>())
                .computeIfAbsent(test, t -> new LinkedHashMap<>())
                .put(engine, new Cell(outcome, detail == null ? "" : detail));
    }

    /** Whether nothing was recorded. */
    public synchronized boolean isEmpty() {
        return byClass.isEmpty();
    }

    /** Engines in the order they first appeared. */
    public synchronized List<String> engines() {
        return List.copyOf(engines);
    }

    /** Test classes in the order they ran, each with its tests in order, each with a cell per engine it ran on. */
    public synchronized Map<String, Map<String, Map<String, Cell>>> matrix() {
        Map<String, Map<String, Map<String, Cell>>> copy = new LinkedHashMap<>();
        byClass.forEach((c, tests) -> {
            Map<String, Map<String, Cell>> testsCopy = new LinkedHashMap<>();
            tests.forEach((t, cells) -> testsCopy.put(t, Map.copyOf(cells)));
            copy.put(c, testsCopy);
        });
        return copy;
    }

    /** How many cells have {@code outcome} on {@code engine}. */
    public synchronized int count(String engine, Outcome outcome) {
        int count = 0;
        for (Map<String, Map<String, Cell>> tests : byClass.values()) {
            for (Map<String, Cell> cells : tests.values()) {
                Cell cell = cells.get(engine);
                if (cell != null && cell.outcome() == outcome) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Every failure, as {@code class > test [engine]: message}. */
    public synchronized List<String> failures() {
        List<String> failures = new ArrayList<>();
        byClass.forEach((c, tests) -> tests.forEach((t, cells) -> cells.forEach((engine, cell) -> {
            if (cell.outcome() == Outcome.FAILED) {
                failures.add(c + " > " + t + " [" + engine + "]: " + cell.detail());
            }
        })));
        return failures;
    }
}
