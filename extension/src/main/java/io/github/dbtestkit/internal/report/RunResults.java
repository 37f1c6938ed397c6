package io.github.dbtestkit.internal.report;

import io.github.dbtestkit.internal.lifecycle.RunFacts;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a run's results as they arrive, from any thread (JUnit's parallel execution): each cell, and each engine's
 * facts. {@link #report()} gives the immutable {@link RunReport} the renderings show.
 *
 * <pre>{@code
 * RunResults results = new RunResults();
 * results.record("com.acme.PostTest", "saves()", "h2", new Cell(Outcome.PASSED, "", 12L, List.of()));
 * RunReport report = results.report();
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunResults {

    private final Map<String, Map<String, Map<String, Cell>>> byClass = new LinkedHashMap<>();
    private final Map<String, EngineInfo> engines = new LinkedHashMap<>();

    /**
     * Records one cell. A cross-engine test's cell, which holds that engine's results, is not replaced by the skip of
     * the same test in that engine's own run (which of the two arrives first depends on the execution order).
     */
    public synchronized void record(String testClass, String test, String engine, Cell cell) {
        engines.computeIfAbsent(engine, id -> new EngineInfo(id, "", "", List.of()));
        byClass.computeIfAbsent(testClass, c -> new LinkedHashMap<>())
                .computeIfAbsent(test, t -> new LinkedHashMap<>())
                .merge(engine, cell, TestRow::preferred);
    }

    /** Records what an engine run published about its database ({@link RunFacts}' keys). */
    public synchronized void facts(String engine, Map<String, String> facts) {
        SchemaSetup.Validation validation = facts.containsKey(RunFacts.SCHEMA_ERRORS)
                ? new SchemaSetup.Validation(Integer.parseInt(facts.get(RunFacts.SCHEMA_ERRORS)),
                        Integer.parseInt(facts.getOrDefault(RunFacts.SCHEMA_WARNINGS, "0")),
                        facts.getOrDefault(RunFacts.SCHEMA_REPORT, ""))
                : null;
        List<SchemaSetup> schemas = facts.containsKey(RunFacts.SCHEMA_MODE)
                ? List.of(new SchemaSetup(facts.get(RunFacts.JDBC_URL), facts.get(RunFacts.SCHEMA_MODE),
                        facts.get(RunFacts.MIGRATIONS), facts.get(RunFacts.MIGRATIONS_CHECKSUM), validation))
                : List.of();
        EngineInfo incoming = new EngineInfo(engine, facts.get(RunFacts.PROVIDER), facts.get(RunFacts.SERVER_VERSION), schemas);
        engines.merge(engine, incoming, EngineInfo::with);
    }

    /** Whether no cell was recorded. */
    public synchronized boolean isEmpty() {
        return byClass.isEmpty();
    }

    /** A snapshot of everything recorded so far. */
    public synchronized RunReport report() {
        List<ClassRow> classes = new ArrayList<>();
        byClass.forEach((name, tests) -> {
            List<TestRow> rows = new ArrayList<>();
            tests.forEach((test, cells) -> rows.add(new TestRow(test, cells)));
            classes.add(new ClassRow(name, rows));
        });
        List<EngineInfo> seen = new ArrayList<>(engines.values());
        return new RunReport(RunReport.SCHEMA_VERSION, seen, classes);
    }
}
