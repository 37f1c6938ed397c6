package io.github.dbtestkit.schema;

import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

import java.util.function.Predicate;

/**
 * AssertJ assertions on a {@link SchemaReport}. Every failure message carries the report's
 * {@link ReportFormat#TEXT} rendering, so the whole drift is visible in the test output. Accepted findings never
 * fail an assertion; stale baseline entries count as warnings.
 *
 * <pre>{@code
 * assertThat(report).hasNoErrors().hasNoWarnings();
 * assertThat(report).hasDifference(DifferenceKind.MISSING_COLUMN, "posts", "title");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SchemaReportAssert extends AbstractAssert<SchemaReportAssert, SchemaReport> {

    SchemaReportAssert(SchemaReport actual) {
        super(actual, SchemaReportAssert.class);
    }

    /** Fails when any open finding is an {@link Severity#ERROR}. */
    public SchemaReportAssert hasNoErrors() {
        isNotNull();
        int errors = actual.differences(Severity.ERROR).size();
        if (errors > 0) {
            fail("Expected no schema errors, but found " + plural(errors, "error") + ":");
        }
        return this;
    }

    /** Fails when any open finding is a {@link Severity#WARNING}, or a baseline entry is stale. */
    public SchemaReportAssert hasNoWarnings() {
        isNotNull();
        int warnings = warningCount();
        if (warnings > 0) {
            fail("Expected no schema warnings, but found " + plural(warnings, "warning")
                    + (actual.stale().isEmpty() ? "" : " (stale baseline entries count as warnings)") + ":");
        }
        return this;
    }

    /** Fails when any finding is open, whatever its severity; accepted findings are fine. */
    public SchemaReportAssert hasNoDifferences() {
        isNotNull();
        int open = actual.differences().size() + actual.stale().size();
        if (open > 0) {
            fail("Expected no schema differences, but found " + plural(open, "difference") + ":");
        }
        return this;
    }

    /** Fails unless exactly that many open findings are errors. */
    public SchemaReportAssert hasErrorCount(int expected) {
        isNotNull();
        int errors = actual.differences(Severity.ERROR).size();
        if (errors != expected) {
            fail("Expected " + plural(expected, "schema error") + ", but found " + errors + ":");
        }
        return this;
    }

    /** Fails unless exactly that many open findings are warnings (stale baseline entries included). */
    public SchemaReportAssert hasWarningCount(int expected) {
        isNotNull();
        int warnings = warningCount();
        if (warnings != expected) {
            fail("Expected " + plural(expected, "schema warning") + ", but found " + warnings + ":");
        }
        return this;
    }

    /**
     * Fails unless an open finding has this kind, table and column (names compared ignoring case, as engines fold
     * them differently; {@code column} {@code null} for a table-level finding).
     */
    public SchemaReportAssert hasDifference(DifferenceKind kind, String table, String column) {
        isNotNull();
        if (actual.differences().stream().noneMatch(is(kind, table, column))) {
            fail("Expected a " + kind + " on " + location(table, column) + ", but the report has none:");
        }
        return this;
    }

    /** Fails when an open finding has this kind, table and column. */
    public SchemaReportAssert hasNoDifference(DifferenceKind kind, String table, String column) {
        isNotNull();
        if (actual.differences().stream().anyMatch(is(kind, table, column))) {
            fail("Expected no " + kind + " on " + location(table, column) + ", but the report has one:");
        }
        return this;
    }

    /** Fails unless a baseline accepted a finding of this kind, table and column. */
    public SchemaReportAssert hasAccepted(DifferenceKind kind, String table, String column) {
        isNotNull();
        if (actual.accepted().stream().map(a -> a.difference()).noneMatch(is(kind, table, column))) {
            fail("Expected an accepted " + kind + " on " + location(table, column) + ", but the report has none:");
        }
        return this;
    }

    private int warningCount() {
        return actual.differences(Severity.WARNING).size() + actual.stale().size();
    }

    private void fail(String headline) {
        failWithMessage("%s", headline + "\n\n" + actual.render(ReportFormat.TEXT));
    }

    private static Predicate<Difference> is(DifferenceKind kind, String table, String column) {
        return d -> d.kind() == kind && d.table().equalsIgnoreCase(table)
                && (column == null ? d.column() == null : column.equalsIgnoreCase(d.column()));
    }

    private static String location(String table, String column) {
        return column == null ? table : table + "." + column;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
