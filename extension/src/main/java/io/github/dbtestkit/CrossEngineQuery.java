package io.github.dbtestkit;

import org.apiguardian.api.API;

/**
 * A statement of a {@link CrossEngine} test, with how its results are compared; it runs when its results are asked
 * for, once per call.
 *
 * <pre>{@code
 * engines.sql("select id, price from products where stock > ?", 0)
 *         .ignoringRowOrder()
 *         .withTolerance(0.005)
 *         .assertSameOnAllEngines();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface CrossEngineQuery {

    /** Compares the rows as multisets: the engines may return them in any order. */
    CrossEngineQuery ignoringRowOrder();

    /**
     * Numbers are equal when they differ by at most {@code tolerance}, whatever their Java types (implies comparing
     * numbers by value, as {@link #normalizingTypes()} does for them).
     */
    CrossEngineQuery withTolerance(double tolerance);

    /**
     * Compares values, not Java types: {@code 1} as {@code Integer}, {@code Long} or {@code BigDecimal} is one value;
     * {@code java.sql.Timestamp}, {@code Date} and {@code Time} are their {@code java.time} counterparts; a
     * {@code UUID} or a {@code Character} is its text.
     */
    CrossEngineQuery normalizingTypes();

    /**
     * Takes {@code true} and {@code false} for {@code 1} and {@code 0}, for engines that store booleans as integers
     * (SQLite). Numbers are compared by value.
     */
    CrossEngineQuery treatingBooleansAsNumbers();

    /** Runs the statement on every engine and returns what each did: rows, an update count, or an error. */
    CrossEngineResult results();

    /**
     * Runs the statement on every engine and checks that all did the same.
     *
     * @return the results, for further assertions
     * @throws AssertionError with a side-by-side table of each engine's rows, the differing rows marked
     */
    CrossEngineResult assertSameOnAllEngines();
}
