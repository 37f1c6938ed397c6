package io.github.dbtestkit;

import org.apiguardian.api.API;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * SQL scripts run inside the test's transaction before the test (and its {@code @BeforeEach} methods): class-level
 * scripts first, then the method's.
 *
 * <pre>{@code
 * @Test @Sql("posts.sql") void counts(DataSource ds) { ... }
 * }</pre>
 *
 * <p>A path is relative to the test class's package unless it starts with {@code /} or {@code classpath:}, as in
 * Spring. Statements end with {@code ;}; comments and quoted text (PostgreSQL dollar quotes included) are understood.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@API(status = API.Status.STABLE, since = "0.1")
public @interface Sql {

    /** The scripts, run in order. */
    String[] value();
}
