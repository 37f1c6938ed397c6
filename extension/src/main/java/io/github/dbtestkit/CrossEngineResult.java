package io.github.dbtestkit;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Map;

/**
 * What each engine did with one {@link CrossEngineQuery}: its rows, update count or error, compared under the query's
 * options. {@link #toString()} is the side-by-side table a failing {@link #assertSameOnAllEngines()} prints.
 *
 * <pre>{@code
 * CrossEngineResult result = engines.sql("select 7 / 2").results();
 * assertThat(result.value(Engine.POSTGRESQL)).isEqualTo(3);
 * assertThat(result.differingEngines()).isEmpty();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface CrossEngineResult {

    /** The statement as written. */
    String statement();

    /** Each engine's outcome, in the class's engine order. */
    Map<Engine, EngineOutcome> outcomes();

    /** {@code engine}'s outcome. @throws IllegalArgumentException when the class does not run on it */
    EngineOutcome outcome(Engine engine);

    /**
     * {@code engine}'s rows, each a list of column values.
     *
     * @throws AssertionError naming the engine and its error, when the statement failed there
     */
    List<List<Object>> rows(Engine engine);

    /** {@code engine}'s values of a one-column result, in order. @throws AssertionError as {@link #rows(Engine)} */
    List<Object> values(Engine engine);

    /** {@code engine}'s single value: one row of one column. @throws AssertionError for any other shape or an error */
    Object value(Engine engine);

    /** The engines whose outcome differs from the first engine's, under the query's options; empty when all agree. */
    List<Engine> differingEngines();

    /** Whether every engine did the same. */
    boolean sameOnAllEngines();

    /**
     * The statement, the comparison options, and each engine's rows in a column of its own (normalised, and sorted when
     * row order is ignored), the rows that differ from the first engine's marked {@code ≠}.
     */
    @Override
    String toString();

    /**
     * Checks that every engine did the same.
     *
     * @throws AssertionError with {@link #toString()}'s table
     */
    CrossEngineResult assertSameOnAllEngines();
}
