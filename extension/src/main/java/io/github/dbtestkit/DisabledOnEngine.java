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
 * Skips the annotated class or method on these engines, reporting the reason.
 *
 * <pre>{@code
 * @Test @DisabledOnEngine(value = Engine.SQLITE, disabledReason = "no sequences") void sequence(Connection c) { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(DisabledOnEngineCondition.class)
@API(status = API.Status.STABLE, since = "0.1")
public @interface DisabledOnEngine {

    /** The engines to skip. */
    Engine[] value();

    /** Why, shown with the skip. */
    String disabledReason() default "";
}
