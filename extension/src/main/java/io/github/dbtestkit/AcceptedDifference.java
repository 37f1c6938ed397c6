package io.github.dbtestkit;

import org.apiguardian.api.API;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A difference between the migrated schema and create_all of the entities that {@link MigrationChecker#equalsCreateAll()}
 * (check 6 of {@link MigrationCheckSuite}) accepts, on all engines of the class or on those listed. Written as the
 * check prints it: {@code table.column: KIND}, or {@code table: KIND} for table-level differences.
 *
 * <pre>{@code
 * @AcceptedDifference(value = "orders.created_at: TYPE_MISMATCH", engines = Engine.SQLITE)
 * class ShopMigrationsTest implements MigrationCheckSuite { }
 * }</pre>
 *
 * <p>Kinds: {@code MISSING_TABLE}, {@code UNMAPPED_TABLE}, {@code MISSING_COLUMN}, {@code UNMAPPED_COLUMN},
 * {@code TYPE_MISMATCH}, {@code LENGTH_MISMATCH}, {@code PRECISION_MISMATCH}, {@code NULLABILITY_MISMATCH},
 * {@code PRIMARY_KEY_MISMATCH},
 * {@code MISSING_FOREIGN_KEY}, {@code EXTRA_FOREIGN_KEY}, {@code MISSING_INDEX}, {@code EXTRA_INDEX},
 * {@code MISSING_UNIQUE_CONSTRAINT}, {@code EXTRA_UNIQUE_CONSTRAINT}. "Missing" means create_all has it and the
 * migrations do not; "unmapped" and "extra" the other way round. An accepted difference that does not occur fails the
 * check, so the list never outlives the drift it excuses.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(AcceptedDifferences.class)
@API(status = API.Status.STABLE, since = "0.1")
public @interface AcceptedDifference {

    /** The difference as the check prints it: {@code table.column: KIND} or {@code table: KIND}. */
    String value();

    /** The engines it is accepted on; empty means every engine of the class. */
    Engine[] engines() default {};

    /** Why it is accepted, for the reader; not interpreted. */
    String reason() default "";
}
