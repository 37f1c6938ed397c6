package io.github.dbtestkit;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated class or method only on engines, and engine versions, that have every listed {@link Feature};
 * elsewhere it is reported as skipped with the reason, e.g.
 * {@code Skipped on sqlite 3.54.1: no FOR UPDATE SKIP LOCKED (H2 2.2.220+ and PostgreSQL 9.5+ have it)}.
 *
 * <pre>{@code
 * @DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL})
 * class JobQueueTest {
 *     @Test
 *     @RequiresFeature(Feature.SKIP_LOCKED)
 *     void workersSkipJobsAnotherWorkerHolds(DataSource ds) { ... }
 * }
 * }</pre>
 *
 * <p>The version is the database's own, read from the JDBC metadata of the run's prepared database, so the same test
 * runs on a PostgreSQL 17 server and is skipped on an old one. On the class, it applies to each test of the class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresFeatureCondition.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface RequiresFeature {

    /** The features the test needs, all of them. */
    Feature[] value();
}
