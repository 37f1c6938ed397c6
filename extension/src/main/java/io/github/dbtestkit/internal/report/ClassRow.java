package io.github.dbtestkit.internal.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test class and its tests, in the order they were first recorded.
 *
 * <pre>{@code
 * ClassRow row = new ClassRow("com.acme.PostTest", List.of(saves, counts));
 * row.folded(); // true when nothing failed on any engine
 * }</pre>
 *
 * @param name  the class's name
 * @param tests its tests
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ClassRow(String name, List<TestRow> tests) {

    /** Copies the tests. */
    public ClassRow {
        tests = List.copyOf(tests);
    }

    /**
     * Whether it folds to one line: no test failed on any engine and none behaves differently (tests skipped by an
     * engine condition are intended, so they do not keep a class open).
     */
    @JsonProperty("folded")
    public boolean folded() {
        return tests.stream().noneMatch(t -> t.anyFailed() || t.differs());
    }

    /** Its tests that behave differently across engines. */
    @JsonIgnore
    public List<TestRow> differing() {
        return tests.stream().filter(TestRow::differs).toList();
    }

    /** This class with {@code other}'s tests added (cells of the same test merged). */
    ClassRow with(ClassRow other) {
        Map<String, TestRow> byName = new LinkedHashMap<>();
        tests.forEach(t -> byName.put(t.name(), t));
        other.tests.forEach(t -> byName.merge(t.name(), t, (a, b) -> a.with(b.cells())));
        return new ClassRow(name, new ArrayList<>(byName.values()));
    }
}
