package io.github.dbtestkit.internal.crossengine;

import io.github.dbtestkit.CrossEngine;
import io.github.dbtestkit.CrossEngineQuery;
import io.github.dbtestkit.CrossEngineResult;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.EngineOutcome;
import io.github.dbtestkit.core.Messages;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link CrossEngine} of one test: a connection per engine, each in a transaction of its own, rolled back and
 * released when the test ends ({@link #close()}). Each result is announced through {@code report}, so the run report
 * can show what every engine did.
 *
 * <pre>{@code
 * try (CrossEngineSession engines = new CrossEngineSession(List.of(h2, postgres), entry -> { })) {
 *     engines.sql("select 1").assertSameOnAllEngines();
 * }
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CrossEngineSession implements CrossEngine, AutoCloseable {

    /** The report entry key of each result's one-line summary. */
    public static final String REPORT_ENTRY = "dbtestkit.cross-engine";

    private final List<EngineConnection> sides;
    private final Consumer<String> report;

    /**
     * @param sides  one per engine, in the class's engine order
     * @param report receives {@code statement → h2: 3 rows; postgresql: error [22012] ...} for each result
     */
    public CrossEngineSession(List<EngineConnection> sides, Consumer<String> report) {
        this.sides = List.copyOf(sides);
        this.report = report;
    }

    @Override
    public List<Engine> engines() {
        return sides.stream().map(EngineConnection::engine).toList();
    }

    @Override
    public CrossEngineQuery sql(String sql, Object... parameters) {
        return new Query(this, requireStatement(sql, "SQL"), false, parameters.clone(), Comparison.EXACT);
    }

    @Override
    public CrossEngineQuery jpql(String jpql, Object... parameters) {
        return new Query(this, requireStatement(jpql, "JPQL"), true, parameters.clone(), Comparison.EXACT);
    }

    @Override
    public void execute(String sql, Object... parameters) {
        requireStatement(sql, "SQL");
        for (EngineConnection side : sides) {
            EngineOutcome outcome = StatementRunner.sql(side, sql, parameters);
            if (outcome.failed()) {
                throw new AssertionError("The setup statement failed on " + side.engine().displayName() + ": "
                        + sql.strip() + " — " + outcome.summary());
            }
        }
    }

    @Override
    public void onEachEngine(EngineSetup setup) {
        Objects.requireNonNull(setup, "setup");
        for (EngineConnection side : sides) {
            try {
                setup.accept(side.engine(), side.connection());
            } catch (Exception e) {
                throw new AssertionError("The setup code failed on " + side.engine().displayName() + ": "
                        + Messages.chain(e), e);
            }
        }
    }

    CrossEngineResult run(Query query) {
        List<EngineOutcome> outcomes = new ArrayList<>();
        for (EngineConnection side : sides) {
            outcomes.add(query.jpql() ? StatementRunner.jpql(side, query.statement(), query.parameters())
                    : StatementRunner.sql(side, query.statement(), query.parameters()));
        }
        Result result = new Result(query.statement(), outcomes, query.comparison());
        report.accept(query.statement().strip() + " → " + result.summary());
        return result;
    }

    /** Rolls back every engine's work and releases its connection, whatever fails on the way. */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (EngineConnection side : sides) {
            try {
                side.end().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String requireStatement(String statement, String language) {
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("A cross-engine " + language + " statement cannot be blank.");
        }
        return statement;
    }
}
