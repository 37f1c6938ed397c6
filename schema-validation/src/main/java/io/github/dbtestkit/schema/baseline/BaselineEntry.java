package io.github.dbtestkit.schema.baseline;

import org.apiguardian.api.API;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;

import java.util.Locale;
import java.util.Objects;

/**
 * One accepted difference in a {@link Baseline}: which finding, and why it is fine.
 *
 * <p>It matches a {@link Difference} of the same kind on the same table and column (names compared ignoring case,
 * since engines fold identifiers differently); {@code expected} and {@code actual}, when given, must match too, so
 * that a drift that changes again is reported again.
 *
 * <pre>{@code
 * BaselineEntry entry = new BaselineEntry(DifferenceKind.LENGTH_MISMATCH, "posts", "title",
 *         null, "varchar(100)", "Shortened by the DBA, ticket 42", null);
 * }</pre>
 *
 * @param kind     the finding's kind
 * @param table    the finding's table
 * @param column   the finding's column, or {@code null} for a table-level finding
 * @param expected the finding's expected value, or {@code null} to accept any
 * @param actual   the finding's actual value, or {@code null} to accept any
 * @param reason   why the difference is accepted; never blank
 * @param origin   where the entry was written, for messages ({@code "baseline.json entry 2, line 9"}), or
 *                 {@code null}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record BaselineEntry(DifferenceKind kind, String table, String column, String expected, String actual,
                            String reason, String origin) {

    /** Checks the parts that are never absent. */
    public BaselineEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A baseline entry needs a reason: say why " + kind + " on "
                    + table + (column == null ? "" : "." + column) + " is accepted.");
        }
    }

    /** Whether this entry accepts that finding. */
    public boolean matches(Difference difference) {
        return kind == difference.kind()
                && table.equalsIgnoreCase(difference.table())
                && (column == null ? difference.column() == null : column.equalsIgnoreCase(difference.column()))
                && sameOrAny(expected, difference.expected())
                && sameOrAny(actual, difference.actual());
    }

    private static boolean sameOrAny(String wanted, String found) {
        return wanted == null || (found != null && normalize(wanted).equals(normalize(found)));
    }

    private static String normalize(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
