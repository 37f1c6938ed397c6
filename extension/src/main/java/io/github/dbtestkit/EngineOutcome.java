package io.github.dbtestkit;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * What one engine did with a {@link CrossEngine} statement: the rows of a query (with their column labels as the
 * engine spells them), the update count of other statements, or the error it raised.
 *
 * <pre>{@code
 * EngineOutcome outcome = result.outcome(Engine.POSTGRESQL);
 * if (outcome.failed()) System.out.println(outcome.sqlState() + " " + outcome.error());
 * }</pre>
 *
 * @param engine      the engine
 * @param columns     the column labels of a query, as the engine reports them; empty otherwise
 * @param rows        the rows of a query, each a list of values as the driver returned them; empty otherwise
 * @param updateCount the update count of a statement without rows, or {@code -1}
 * @param error       the driver's message when the statement failed, else {@code null}
 * @param sqlState    the SQLState of that error, when the driver gave one, else {@code null}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EngineOutcome(Engine engine, List<String> columns, List<List<Object>> rows, long updateCount,
                            String error, String sqlState) {

    /** Copies the lists; rows may hold {@code null} values. */
    public EngineOutcome {
        Objects.requireNonNull(engine, "engine");
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
    }

    /** Rows of a query. */
    public static EngineOutcome rows(Engine engine, List<String> columns, List<List<Object>> rows) {
        return new EngineOutcome(engine, columns, rows, -1, null, null);
    }

    /** A statement without rows that changed {@code count} rows. */
    public static EngineOutcome updated(Engine engine, long count) {
        return new EngineOutcome(engine, List.of(), List.of(), count, null, null);
    }

    /** A statement the engine refused. */
    public static EngineOutcome failed(Engine engine, String error, String sqlState) {
        return new EngineOutcome(engine, List.of(), List.of(), -1, Objects.requireNonNull(error, "error"), sqlState);
    }

    /** Whether the statement failed on this engine. */
    public boolean failed() {
        return error != null;
    }

    /** {@code 3 rows}, {@code 1 row updated} or {@code error [22012] division by zero}: for reports. */
    public String summary() {
        if (failed()) {
            return "error" + (sqlState == null ? "" : " [" + sqlState + "]") + " " + error;
        }
        if (updateCount >= 0) {
            return updateCount + (updateCount == 1 ? " row" : " rows") + " updated";
        }
        return rows.size() + (rows.size() == 1 ? " row" : " rows");
    }
}
