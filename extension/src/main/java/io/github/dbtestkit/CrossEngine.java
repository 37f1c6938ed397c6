package io.github.dbtestkit;

import org.apiguardian.api.API;

import java.sql.Connection;
import java.util.List;

/**
 * One test that compares every engine of its class: the same SQL or JPQL, with the same parameters, against the same
 * schema and seed data on each engine, and the rows each engine returns, side by side.
 *
 * <p>Inject it into a test method of a {@link DatabaseTest} class with two engines or more. A test that takes a
 * {@code CrossEngine} runs once, in the class's first engine run, and is skipped in the others with a reason that
 * says so; it sees every engine the run selects. Seed data comes from the test's {@link Sql @Sql} scripts, which are
 * run on every engine, and from {@link #execute(String, Object...)} or {@link #onEachEngine(EngineSetup)}. Each
 * engine's work runs in a transaction of its own that is rolled back when the test ends, and each statement in a
 * savepoint, so that a statement one engine refuses (PostgreSQL's division by zero) neither aborts that engine's
 * transaction nor stops the comparison: the error is that engine's result.
 *
 * <pre>{@code
 * @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, entities = Post.class)
 * class NullOrderingTest {
 *     @Test
 *     @Sql("posts-with-and-without-rating.sql")
 *     void nullsSortFirstOnlyOnSqlite(CrossEngine engines) {
 *         CrossEngineResult result = engines.sql("select title from posts order by rating").results();
 *
 *         assertThat(result.values(Engine.SQLITE)).containsExactly("unrated", "good", "best");
 *         assertThat(result.values(Engine.POSTGRESQL)).containsExactly("good", "best", "unrated");
 *     }
 *
 *     @Test
 *     void countsAgree(CrossEngine engines) {
 *         engines.execute("insert into posts (id, title) values (?, ?)", 1, "hello");
 *         engines.jpql("select count(p) from Post p").normalizingTypes().assertSameOnAllEngines();
 *     }
 * }
 * }</pre>
 *
 * <p>When results differ, {@link CrossEngineQuery#assertSameOnAllEngines()} fails with a table of each engine's rows
 * in columns, the rows that differ marked.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface CrossEngine {

    /** The engines compared, in the class's order; the first is the run the test executes in. */
    List<Engine> engines();

    /**
     * A SQL statement to run on every engine, with positional parameters ({@code ?}) set with
     * {@code PreparedStatement.setObject}. Nothing runs until the query's results are asked for.
     */
    CrossEngineQuery sql(String sql, Object... parameters);

    /**
     * A JPQL query to run on every engine through Hibernate, with positional parameters ({@code ?1}, {@code ?2}).
     * Select values, not entities: entity instances of different engines are never equal. It runs in a session of its
     * own, so flush what the test's {@code EntityManager} holds before.
     */
    CrossEngineQuery jpql(String jpql, Object... parameters);

    /**
     * Runs a statement on every engine, e.g. to seed rows; fails naming the engine where it fails.
     *
     * @throws AssertionError naming the engine, the statement and the driver's message, when an engine refuses it
     */
    void execute(String sql, Object... parameters);

    /**
     * Runs setup code on every engine's connection, in its transaction (rolled back after the test).
     *
     * @throws AssertionError naming the engine when the code throws there
     */
    void onEachEngine(EngineSetup setup);

    /** Setup code for one engine. */
    @FunctionalInterface
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    interface EngineSetup {

        /** Sets up {@code connection}, which belongs to {@code engine}'s transaction; do not close it. */
        void accept(Engine engine, Connection connection) throws Exception;
    }
}
