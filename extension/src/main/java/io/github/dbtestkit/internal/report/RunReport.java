package io.github.dbtestkit.internal.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.dbtestkit.Engine;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of a run, tests × engines, as every rendering shows them: engines in their canonical order (H2, SQLite,
 * PostgreSQL), classes by name. This is also the JSON layout ({@link #SCHEMA_VERSION}), documented in
 * {@code docs/run-report.md}; reports of several JVMs (Surefire forks) {@link #merge(List) merge} into one.
 *
 * <pre>{@code
 * RunReport report = results.report();
 * report.differences().size(); // tests that behave differently across engines
 * }</pre>
 *
 * @param schemaVersion the JSON layout's version, {@link #SCHEMA_VERSION}
 * @param engines       the engines that ran
 * @param classes       the test classes, by name
 */
@API(status = API.Status.INTERNAL, since = "0.1")
@JsonPropertyOrder({"schemaVersion", "differences", "totals", "engines", "classes"})
public record RunReport(int schemaVersion, List<EngineInfo> engines, List<ClassRow> classes) {

    /** Version of the JSON layout; bumped on incompatible changes (1 was the matrix without engine facts). */
    public static final int SCHEMA_VERSION = 2;

    /** A test that behaves differently across engines, with its class. */
    public record Difference(String testClass, TestRow test) {
    }

    /** Sorts engines and classes. */
    public RunReport {
        engines = engines.stream().sorted(Comparator.comparingInt((EngineInfo e) -> engineOrder(e.id()))
                .thenComparing(EngineInfo::id)).toList();
        classes = classes.stream().sorted(Comparator.comparing(ClassRow::name)).toList();
    }

    /** The engines' ids, in order. */
    @JsonIgnore
    public List<String> engineIds() {
        return engines.stream().map(EngineInfo::id).toList();
    }

    /** Whether nothing was recorded. */
    @JsonIgnore
    public boolean isEmpty() {
        return classes.isEmpty();
    }

    /** Every test that behaves differently across engines, by class then in test order. */
    @JsonIgnore
    public List<Difference> differences() {
        List<Difference> differences = new ArrayList<>();
        classes.forEach(c -> c.differing().forEach(t -> differences.add(new Difference(c.name(), t))));
        return differences;
    }

    /** How many cells of {@code engine} have {@code outcome}. */
    public int count(String engine, Outcome outcome) {
        int count = 0;
        for (ClassRow c : classes) {
            for (TestRow t : c.tests()) {
                Cell cell = t.cells().get(engine);
                if (cell != null && cell.outcome() == outcome) {
                    count++;
                }
            }
        }
        return count;
    }

    /** One report of all {@code reports}: engines' facts combined, classes and their tests' cells combined. */
    public static RunReport merge(List<RunReport> reports) {
        Map<String, EngineInfo> engines = new LinkedHashMap<>();
        Map<String, ClassRow> classes = new TreeMap<>();
        for (RunReport report : reports) {
            report.engines.forEach(e -> engines.merge(e.id(), e, EngineInfo::with));
            report.classes.forEach(c -> classes.merge(c.name(), c, ClassRow::with));
        }
        return new RunReport(SCHEMA_VERSION, new ArrayList<>(engines.values()), new ArrayList<>(classes.values()));
    }

    /** How many tests behave differently across engines (in the JSON as {@code differences}). */
    @JsonProperty("differences")
    public int differenceCount() {
        return differences().size();
    }

    /** Per engine, how many cells passed, failed and were skipped (in the JSON as {@code totals}). */
    @JsonProperty("totals")
    public Map<String, Map<String, Integer>> totals() {
        Map<String, Map<String, Integer>> totals = new LinkedHashMap<>();
        for (String engine : engineIds()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Outcome outcome : Outcome.values()) {
                counts.put(outcome.label(), count(engine, outcome));
            }
            totals.put(engine, counts);
        }
        return totals;
    }

    /** H2, SQLite, PostgreSQL, then engines this version does not know, by id. */
    private static int engineOrder(String id) {
        int index = Arrays.stream(Engine.values()).map(Engine::id).toList().indexOf(id);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
