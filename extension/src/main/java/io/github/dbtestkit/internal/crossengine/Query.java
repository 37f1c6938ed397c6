package io.github.dbtestkit.internal.crossengine;

import io.github.dbtestkit.CrossEngineQuery;
import io.github.dbtestkit.CrossEngineResult;
import org.apiguardian.api.API;

/**
 * A statement of a {@link CrossEngineSession} with its comparison options; immutable, each option returns a copy.
 *
 * <pre>{@code
 * CrossEngineResult result = session.sql("select 1").ignoringRowOrder().results();
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
record Query(CrossEngineSession session, String statement, boolean jpql, Object[] parameters, Comparison comparison)
        implements CrossEngineQuery {

    @Override
    public CrossEngineQuery ignoringRowOrder() {
        return new Query(session, statement, jpql, parameters, comparison.ignoringRowOrder());
    }

    @Override
    public CrossEngineQuery withTolerance(double tolerance) {
        return new Query(session, statement, jpql, parameters, comparison.withTolerance(tolerance));
    }

    @Override
    public CrossEngineQuery normalizingTypes() {
        return new Query(session, statement, jpql, parameters, comparison.normalizingTypes());
    }

    @Override
    public CrossEngineQuery treatingBooleansAsNumbers() {
        return new Query(session, statement, jpql, parameters, comparison.treatingBooleansAsNumbers());
    }

    @Override
    public CrossEngineResult results() {
        return session.run(this);
    }

    @Override
    public CrossEngineResult assertSameOnAllEngines() {
        return results().assertSameOnAllEngines();
    }
}
