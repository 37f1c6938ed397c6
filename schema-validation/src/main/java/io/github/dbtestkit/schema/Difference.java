package io.github.dbtestkit.schema;

import org.apiguardian.api.API;
import java.util.Objects;

/**
 * One finding of a schema comparison: what the mapping expects, what the database has, and why it matters.
 *
 * <pre>{@code
 * Difference d = report.differences().get(0);
 * System.out.println(d.table() + "." + d.column() + ": " + d.message());
 * }</pre>
 *
 * @param kind     what it is about
 * @param severity how much it matters
 * @param table    the table, as the database spells it
 * @param column   the column, or {@code null} for table-level findings
 * @param expected what the mapping expects, in words ({@code "varchar(255)"}, {@code "not null"}), or {@code null}
 * @param actual   what the database has, in the same words, or {@code null}
 * @param message  one sentence for people, naming the entity and attribute where one is involved
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Difference(DifferenceKind kind, Severity severity, String table, String column,
                         String expected, String actual, String message) {

    /** Checks the parts that are never absent. */
    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The stable id of the rule that produced this finding: the kind's {@link DifferenceKind#rule()}, refined where
     * one kind has two directions ({@code length-mismatch.shorter} is an error, {@code length-mismatch.longer} is
     * informational). Ids never change once published; docs/schema-validation.md lists them.
     */
    public String rule() {
        return switch (kind) {
            case LENGTH_MISMATCH -> kind.rule() + (severity == Severity.ERROR ? ".shorter" : ".longer");
            case PRECISION_MISMATCH -> kind.rule() + (severity == Severity.ERROR ? ".lower" : ".higher");
            case NULLABILITY_MISMATCH -> kind.rule() + (severity == Severity.ERROR ? ".database-not-null"
                    : ".database-nullable");
            case UNMAPPED_COLUMN -> kind.rule() + (severity == Severity.ERROR ? ".not-null" : ".nullable");
            case PRIMARY_KEY_MISMATCH -> kind.rule() + (severity == Severity.ERROR ? "" : ".unique-instead");
            default -> kind.rule();
        };
    }
}
