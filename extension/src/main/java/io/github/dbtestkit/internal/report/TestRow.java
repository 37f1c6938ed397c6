package io.github.dbtestkit.internal.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apiguardian.api.API;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One test of a class, with a cell per engine it was recorded on.
 *
 * <pre>{@code
 * TestRow row = new TestRow("saves()", Map.of("h2", passed, "sqlite", failed));
 * row.differs(); // true
 * }</pre>
 *
 * @param name  the display name, prefixed by its containers below the engine run ({@code repeats() > repetition 1})
 * @param cells by engine id
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TestRow(String name, Map<String, Cell> cells) {

    /** Copies the cells, keeping their order. */
    public TestRow {
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /**
     * Whether it behaves differently across engines: it passed on one engine and failed on another (skips are
     * intended, so they do not count), or, for a cross-engine test, it failed or its statements' results differ
     * between engines.
     */
    @JsonProperty("differs")
    public boolean differs() {
        if (crossEngine()) {
            return anyFailed() || cells.values().stream().map(TestRow::resultsOnly).distinct().count() > 1;
        }
        Set<Outcome> ran = EnumSet.noneOf(Outcome.class);
        cells.values().stream().map(Cell::outcome).filter(o -> o != Outcome.SKIPPED).forEach(ran::add);
        return ran.size() > 1;
    }

    /** Whether it failed on some engine. */
    @JsonIgnore
    public boolean anyFailed() {
        return cells.values().stream().anyMatch(c -> c.outcome() == Outcome.FAILED);
    }

    /** Whether it is a cross-engine test (its cells hold every engine's results). */
    @JsonIgnore
    public boolean crossEngine() {
        return cells.values().stream().anyMatch(Cell::crossEngine);
    }

    /** This row with {@code other}'s cells added; a cross-engine cell wins over a skip, otherwise the later cell. */
    TestRow with(Map<String, Cell> other) {
        Map<String, Cell> merged = new LinkedHashMap<>(cells);
        other.forEach((engine, cell) -> merged.merge(engine, cell, TestRow::preferred));
        return new TestRow(name, merged);
    }

    static Cell preferred(Cell existing, Cell incoming) {
        if (existing.crossEngine() && incoming.outcome() == Outcome.SKIPPED && !incoming.crossEngine()) {
            return existing;
        }
        return incoming;
    }

    private static List<String> resultsOnly(Cell cell) {
        return cell.compared().stream().map(line -> line.substring(line.indexOf(CrossEngineEntry.ARROW) + CrossEngineEntry.ARROW.length())).toList();
    }
}
