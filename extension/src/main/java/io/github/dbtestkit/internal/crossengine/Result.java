package io.github.dbtestkit.internal.crossengine;

import io.github.dbtestkit.CrossEngineResult;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.EngineOutcome;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcomes of one cross-engine statement, compared under its options.
 *
 * <pre>{@code
 * CrossEngineResult result = new Result("select 1", outcomes, Comparison.EXACT);
 * result.assertSameOnAllEngines();
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class Result implements CrossEngineResult {

    private final String statement;
    private final Map<Engine, EngineOutcome> outcomes;
    private final Comparison comparison;

    Result(String statement, List<EngineOutcome> outcomes, Comparison comparison) {
        this.statement = statement;
        Map<Engine, EngineOutcome> byEngine = new LinkedHashMap<>();
        outcomes.forEach(outcome -> byEngine.put(outcome.engine(), outcome));
        this.outcomes = Collections.unmodifiableMap(byEngine);
        this.comparison = comparison;
    }

    @Override
    public String statement() {
        return statement;
    }

    @Override
    public Map<Engine, EngineOutcome> outcomes() {
        return outcomes;
    }

    @Override
    public EngineOutcome outcome(Engine engine) {
        EngineOutcome outcome = outcomes.get(engine);
        if (outcome == null) {
            throw new IllegalArgumentException("The cross-engine test compares " + engineNames() + ", not "
                    + engine.displayName() + ": add it to @DatabaseTest(engines), or ask for one of those.");
        }
        return outcome;
    }

    @Override
    public List<List<Object>> rows(Engine engine) {
        EngineOutcome outcome = outcome(engine);
        if (outcome.failed()) {
            throw new AssertionError("On " + engine.displayName() + ", " + statement + " failed: " + outcome.summary()
                    + "; ask for outcome(Engine." + engine.name() + ") to check the error.");
        }
        return outcome.rows();
    }

    @Override
    public List<Object> values(Engine engine) {
        List<List<Object>> rows = rows(engine);
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != 1) {
                throw new AssertionError("On " + engine.displayName() + ", " + statement + " returned " + row.size()
                        + " columns, so it has no single values: use rows(Engine." + engine.name() + ").");
            }
            values.add(row.get(0));
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public Object value(Engine engine) {
        List<Object> values = values(engine);
        if (values.size() != 1) {
            throw new AssertionError("On " + engine.displayName() + ", " + statement + " returned " + values.size()
                    + " rows, not one: use values(Engine." + engine.name() + ") or rows(Engine." + engine.name() + ").");
        }
        return values.get(0);
    }

    @Override
    public List<Engine> differingEngines() {
        List<EngineOutcome> all = List.copyOf(outcomes.values());
        EngineOutcome first = all.get(0);
        return all.stream().skip(1).filter(other -> !comparison.same(first, other)).map(EngineOutcome::engine).toList();
    }

    @Override
    public boolean sameOnAllEngines() {
        return differingEngines().isEmpty();
    }

    @Override
    public CrossEngineResult assertSameOnAllEngines() {
        List<Engine> differing = differingEngines();
        if (!differing.isEmpty()) {
            throw new AssertionError("Expected the same result on " + engineNames() + ", but "
                    + differing.stream().map(Engine::displayName).collect(Collectors.joining(" and "))
                    + (differing.size() == 1 ? " differs" : " differ") + " from "
                    + outcomes.keySet().iterator().next().displayName() + ":\n" + this + typeHint());
        }
        return this;
    }

    /** One line for reports: {@code h2: 3 rows; sqlite: 3 rows; postgresql: error [22012] division by zero}. */
    String summary() {
        return outcomes.values().stream().map(o -> o.engine().id() + ": " + o.summary())
                .collect(Collectors.joining("; "));
    }

    /** The statement, the options, then the side-by-side table. */
    @Override
    public String toString() {
        String options = comparison.describe();
        return "  " + statement.strip().replace("\n", "\n  ") + (options.isEmpty() ? "" : "\n  (" + options + ")")
                + "\n\n" + SideBySide.render(List.copyOf(outcomes.values()), comparison).indent(2).stripTrailing();
    }

    /** When values look alike but differ in Java type, says which option compares them by value. */
    private String typeHint() {
        if (comparison.numbersByValue()) {
            return "";
        }
        List<EngineOutcome> all = List.copyOf(outcomes.values());
        for (EngineOutcome other : all.subList(1, all.size())) {
            String hint = typeDifference(all.get(0), other);
            if (hint != null) {
                return "\n  The values print alike but differ in Java type (" + hint + "): compare them by value with"
                        + " normalizingTypes()" + (hint.contains("Boolean") ? " or treatingBooleansAsNumbers()" : "") + ".";
            }
        }
        return "";
    }

    private String typeDifference(EngineOutcome a, EngineOutcome b) {
        if (a.failed() || b.failed()) {
            return null;
        }
        List<List<Object>> left = comparison.comparable(a);
        List<List<Object>> right = comparison.comparable(b);
        for (int r = 0; r < Math.min(left.size(), right.size()); r++) {
            List<Object> x = left.get(r);
            List<Object> y = right.get(r);
            for (int c = 0; c < Math.min(x.size(), y.size()); c++) {
                Object p = x.get(c);
                Object q = y.get(c);
                if (p != null && q != null && !p.equals(q) && p.getClass() != q.getClass()
                        && (SideBySide.value(p).equals(SideBySide.value(q)) || p instanceof Boolean || q instanceof Boolean)) {
                    return a.engine().displayName() + " " + p.getClass().getSimpleName() + " " + SideBySide.value(p)
                            + " against " + b.engine().displayName() + " " + q.getClass().getSimpleName() + " "
                            + SideBySide.value(q);
                }
            }
        }
        return null;
    }

    private String engineNames() {
        return outcomes.keySet().stream().map(Engine::displayName).collect(Collectors.joining(", "));
    }
}
