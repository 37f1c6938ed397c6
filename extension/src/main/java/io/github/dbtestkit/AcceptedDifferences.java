package io.github.dbtestkit;

import org.apiguardian.api.API;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The container of repeated {@link AcceptedDifference} annotations; write those instead.
 *
 * <pre>{@code
 * @AcceptedDifference("posts.body: LENGTH_MISMATCH") @AcceptedDifference("posts: UNMAPPED_TABLE")
 * class PostMigrationsTest implements MigrationCheckSuite { }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = API.Status.STABLE, since = "0.1")
public @interface AcceptedDifferences {

    /** The accepted differences. */
    AcceptedDifference[] value();
}
