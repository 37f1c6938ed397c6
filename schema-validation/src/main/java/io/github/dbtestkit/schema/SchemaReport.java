package io.github.dbtestkit.schema;

import io.github.dbtestkit.schema.internal.diff.NamingHint;
import org.apiguardian.api.API;
import io.github.dbtestkit.schema.baseline.AcceptedDifference;
import io.github.dbtestkit.schema.baseline.BaselineEntry;
import io.github.dbtestkit.schema.internal.report.ReportRenderers;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one schema comparison: every finding, in one pass.
 *
 * <p>Findings accepted by a {@link io.github.dbtestkit.schema.baseline.Baseline} move from {@link #differences()}
 * to {@link #accepted()}: they are still rendered, but no longer count as errors or warnings. Baseline entries that
 * match nothing are {@link #stale()}; each counts as a {@link Severity#WARNING}, so {@link #hasWarnings()} sees them.
 *
 * <pre>{@code
 * SchemaReport report = SchemaValidator.forEntities(Post.class).against(dataSource).validate();
 * if (report.hasErrors()) System.err.println(report.render(ReportFormat.TEXT));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SchemaReport {

    private final String engine;
    private final String database;
    private final List<Difference> differences;
    private final List<String> notes;
    private final List<AcceptedDifference> accepted;
    private final List<BaselineEntry> stale;

    /**
     * @param engine      the engine compared against, as people spell it: {@code PostgreSQL}
     * @param database    what was compared, for headers: a JDBC URL without credentials
     * @param differences every finding
     * @param notes       facts about the comparison itself, e.g. that lengths are not checked on SQLite
     */
    public SchemaReport(String engine, String database, List<Difference> differences, List<String> notes) {
        this(engine, database, differences, notes, List.of(), List.of());
    }

    /**
     * @param engine      the engine compared against, as people spell it: {@code PostgreSQL}
     * @param database    what was compared, for headers: a JDBC URL without credentials
     * @param differences every finding not accepted by a baseline
     * @param notes       facts about the comparison itself
     * @param accepted    findings a baseline accepts, with its reasons
     * @param stale       baseline entries that matched no finding
     */
    public SchemaReport(String engine, String database, List<Difference> differences, List<String> notes,
                        List<AcceptedDifference> accepted, List<BaselineEntry> stale) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.database = Objects.requireNonNull(database, "database");
        this.differences = List.copyOf(differences);
        this.notes = List.copyOf(notes);
        this.accepted = List.copyOf(accepted);
        this.stale = List.copyOf(stale);
    }

    /** The engine compared against. */
    public String engine() {
        return engine;
    }

    /** What was compared, without credentials. */
    public String database() {
        return database;
    }

    /** Every finding not accepted by a baseline, grouped by table in a stable order. */
    public List<Difference> differences() {
        return differences;
    }

    /** Facts about the comparison itself. */
    public List<String> notes() {
        return notes;
    }

    /**
     * What the findings mean taken together, for the top of every rendering: when missing columns or tables pair
     * with unmapped ones that differ only in spelling ({@code firstName} against {@code first_name}), that the
     * mapping is read without the application's naming strategy, and the property line that sets it.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public List<String> hints() {
        return NamingHint.of(differences).map(List::of).orElse(List.of());
    }

    /** Findings a baseline accepts; they count neither as errors nor as warnings. */
    public List<AcceptedDifference> accepted() {
        return accepted;
    }

    /** Baseline entries that matched no finding: the baseline is out of date. Each counts as a warning. */
    public List<BaselineEntry> stale() {
        return stale;
    }

    /** The findings of one severity (accepted findings excluded). */
    public List<Difference> differences(Severity severity) {
        return differences.stream().filter(d -> d.severity() == severity).toList();
    }

    /** Whether any finding is an {@link Severity#ERROR}. */
    public boolean hasErrors() {
        return differences.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Whether any finding is a {@link Severity#WARNING}, or any baseline entry is stale. */
    public boolean hasWarnings() {
        return !stale.isEmpty() || differences.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    }

    /** Renders this report; see {@code docs/reports-and-cli.md} for each format. */
    public String render(ReportFormat format) {
        return ReportRenderers.render(this, Objects.requireNonNull(format, "format"));
    }

    @Override
    public String toString() {
        return "SchemaReport[" + engine + ", " + differences.size() + " differences]";
    }
}
