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
 * Runs the annotated class or method only on these engines; on the others it is reported as skipped with the reason.
 *
 * <pre>{@code
 * @Test @EnabledOnEngine(Engine.POSTGRESQL) void jsonb(Connection c) { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(EnabledOnEngineCondition.class)
@API(status = API.Status.STABLE, since = "0.1")
public @interface EnabledOnEngine {

    /** The engines to run on. */
    Engine[] value();

    /** Why, shown with the skip. */
    String disabledReason() default "";
}
