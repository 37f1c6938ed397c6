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
 * A known difference a {@link DatabaseTest} class lives with, on all its engines or on those listed, written as the
 * report prints it: {@code table.column: KIND}, or {@code table: KIND} for table-level findings, with {@code KIND} any
 * {@link io.github.dbtestkit.schema.DifferenceKind}. Each becomes a baseline entry (names compared ignoring case),
 * applied in two places:
 * <ul>
 *   <li>the class's schema validation ({@code validateSchema}, after {@code MIGRATIONS} or {@code NONE}): accepted
 *       findings no longer fail the class's tests; names as the validation report prints them;</li>
 *   <li>check 6 of {@link MigrationCheckSuite} ({@link MigrationChecker#equalsCreateAll()}): accepted differences
 *       between the migrated schema and create_all's; there, one that does not occur fails the check, so the list
 *       never outlives the drift it excuses.</li>
 * </ul>
 *
 * <pre>{@code
 * @AcceptedDifference(value = "orders.created_at: TYPE_MISMATCH", engines = Engine.SQLITE, reason = "SQLite has no timestamp type")
 * class ShopMigrationsTest implements MigrationCheckSuite { }
 * }</pre>
 *
 * <p>"Missing" kinds mean the entities (or create_all) have it and the database does not; "unmapped" ones the other
 * way round.
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
