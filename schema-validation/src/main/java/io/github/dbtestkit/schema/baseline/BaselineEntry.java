package io.github.dbtestkit.schema.baseline;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.SchemaReport;
import org.apiguardian.api.API;

import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One accepted difference in a {@link Baseline}: which finding, and why it is fine.
 *
 * <p>It matches a {@link Difference} of the same kind on the same table and column (names compared ignoring case,
 * since engines fold identifiers differently); {@code expected} and {@code actual}, when given, must match too, so
 * that a drift that changes again is reported again. An entry limited to {@code engines} applies only to reports of
 * those engines: elsewhere it neither accepts a finding nor counts as stale, so one baseline can hold H2-only and
 * PostgreSQL-only entries.
 *
 * <pre>{@code
 * BaselineEntry entry = new BaselineEntry(DifferenceKind.LENGTH_MISMATCH, "posts", "title",
 *         null, "varchar(100)", "Shortened by the DBA, ticket 42", null, Set.of("h2"));
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
 * @param engines  the engines it applies to, as ids ({@code h2}, {@code sqlite}, {@code postgresql}; other spellings
 *                 {@link EngineKind#fromId(String)} knows are normalised); empty for every engine
 */
@API(status = API.Status.STABLE, since = "0.1")
public record BaselineEntry(DifferenceKind kind, String table, String column, String expected, String actual,
                            String reason, String origin, Set<String> engines) {

    /**
     * Checks the parts that are never absent, and normalises the engines.
     *
     * @throws IllegalArgumentException for a blank reason or an unknown engine, naming the entry
     */
    public BaselineEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A baseline entry needs a reason: say why " + kind + " on "
                    + table + (column == null ? "" : "." + column) + " is accepted.");
        }
        Set<String> ids = new TreeSet<>();
        for (String engine : engines == null ? Set.<String>of() : engines) {
            try {
                ids.add(EngineKind.fromId(engine).id());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The baseline entry for " + kind + " on " + table
                        + (column == null ? "" : "." + column) + (origin == null ? "" : " (" + origin + ")")
                        + " names an unknown engine: " + e.getMessage(), e);
            }
        }
        engines = Collections.unmodifiableSet(ids);
    }

    /** An entry for every engine. */
    public BaselineEntry(DifferenceKind kind, String table, String column, String expected, String actual,
                         String reason, String origin) {
        this(kind, table, column, expected, actual, reason, origin, Set.of());
    }

    /**
     * Whether it applies to reports of {@code engine}, given as an id or as a report names it
     * ({@link SchemaReport#engine()}: {@code PostgreSQL}). An engine dbtestkit does not know gets only the entries
     * for every engine.
     */
    public boolean appliesTo(String engine) {
        if (engines.isEmpty()) {
            return true;
        }
        try {
            return engines.contains(EngineKind.fromId(engine).id());
        } catch (IllegalArgumentException unknown) {
            return false;
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
