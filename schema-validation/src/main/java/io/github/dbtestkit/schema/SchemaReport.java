package io.github.dbtestkit.schema;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one schema comparison: every finding, in one pass.
 *
 * <pre>{@code
 * SchemaReport report = SchemaValidator.forEntities(Post.class).against(dataSource).validate();
 * if (report.hasErrors()) System.err.println(report.render(ReportFormat.TEXT));
 * }</pre>
 */
public final class SchemaReport {

    private final String engine;
    private final String database;
    private final List<Difference> differences;
    private final List<String> notes;

    /**
     * @param engine      the engine compared against, as people spell it: {@code PostgreSQL}
     * @param database    what was compared, for headers: a JDBC URL without credentials
     * @param differences every finding
     * @param notes       facts about the comparison itself, e.g. that lengths are not checked on SQLite
     */
    public SchemaReport(String engine, String database, List<Difference> differences, List<String> notes) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.database = Objects.requireNonNull(database, "database");
        this.differences = List.copyOf(differences);
        this.notes = List.copyOf(notes);
    }

    /** The engine compared against. */
    public String engine() {
        return engine;
    }

    /** What was compared, without credentials. */
    public String database() {
        return database;
    }

    /** Every finding, grouped by table in a stable order. */
    public List<Difference> differences() {
        return differences;
    }

    /** Facts about the comparison itself. */
    public List<String> notes() {
        return notes;
    }

    /** The findings of one severity. */
    public List<Difference> differences(Severity severity) {
        return differences.stream().filter(d -> d.severity() == severity).toList();
    }

    /** Whether any finding is an {@link Severity#ERROR}. */
    public boolean hasErrors() {
        return differences.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Whether any finding is a {@link Severity#WARNING}. */
    public boolean hasWarnings() {
        return differences.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    }

    /** Renders this report. */
    public String render(ReportFormat format) {
        throw new UnsupportedOperationException("renderers not written yet: " + format);
    }

    @Override
    public String toString() {
        return "SchemaReport[" + engine + ", " + differences.size() + " differences]";
    }
}
