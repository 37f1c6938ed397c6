package io.github.dbtestkit.schema.internal.diff;

import org.apiguardian.api.API;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.SequenceModel;
import io.github.dbtestkit.schema.internal.model.TableModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares an expected {@link SchemaModel} (from the mapping) with an actual one (from the database) and collects
 * every {@link Difference} in one pass, like misk's validator: nothing stops at the first finding. Names match
 * ignoring case, except those the mapping quotes ({@link Names}); keys, indexes and foreign keys match by columns, never by name. The expected side may also be a
 * reference database ({@link ReferenceModel}); {@link Wording} then names the sides in messages.
 *
 * <pre>{@code
 * SchemaDiff.Result result = new SchemaDiff(EngineKind.SQLITE).compare(expected, actual);
 * result.differences().forEach(d -> System.out.println(d.message()));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SchemaDiff {

    /** Tables kept by Flyway and Liquibase for themselves, never reported as unmapped. */
    public static final Set<String> BOOKKEEPING_TABLES =
            Set.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

    /** The note a SQLite report carries. */
    public static final String SQLITE_LENGTH_NOTE = "Lengths are not compared on SQLite: it stores text and blobs of"
            + " any length in any column, whatever length the column declares.";

    private final EngineKind engine;
    private final Wording wording;
    private final ColumnDiff columns;

    /** @param engine the engine the actual model was read from; it decides which facts mean something */
    public SchemaDiff(EngineKind engine) {
        this(engine, Wording.MAPPING);
    }

    /**
     * @param engine  the engine both models were read from; it decides which facts mean something
     * @param wording who the expected and actual sides are, for messages
     */
    public SchemaDiff(EngineKind engine, Wording wording) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.wording = Objects.requireNonNull(wording, "wording");
        this.columns = new ColumnDiff(engine, wording);
    }

    /**
     * Every difference, grouped by table (mapped tables in name order, then unmapped tables, then sequences), and the
     * notes that qualify them.
     *
     * @param differences the findings
     * @param notes       facts about the comparison itself
     */
    public record Result(List<Difference> differences, List<String> notes) {

        /** Copies the lists. */
        public Result {
            differences = List.copyOf(differences);
            notes = List.copyOf(notes);
        }
    }

    /** Compares the two models. */
    public Result compare(SchemaModel expected, SchemaModel actual) {
        List<Difference> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (engine == EngineKind.SQLITE) {
            notes.add(SQLITE_LENGTH_NOTE);
        }
        for (TableModel table : expected.tables()) {
            Optional<TableModel> found = Names.table(actual, table, engine);
            if (found.isEmpty()) {
                String folded = Names.foldedInstead(table.name(), table.quoted(),
                        actual.tables().stream().map(TableModel::name).toList())
                        .map(name -> Names.quotedButFolded(table.name(), name, "@Table(name)")).orElse("");
                out.add(new Difference(DifferenceKind.MISSING_TABLE, Severity.ERROR, table.name(), null,
                        "table", null, "Table " + table.name() + Labels.owner(table) + " does not exist in "
                        + wording.database() + "." + folded));
                continue;
            }
            compareTable(table, found.get(), out);
        }
        for (TableModel table : actual.tables()) {
            if (!Names.mapped(expected, table, engine) && !isBookkeeping(table.name())) {
                out.add(new Difference(DifferenceKind.UNMAPPED_TABLE, Severity.INFO, table.name(), null, null, "table",
                        "Table " + table.name() + " exists in " + wording.database() + " but "
                                + wording.unknownTable() + "."));
            }
        }
        for (SequenceModel sequence : expected.sequences()) {
            Optional<SequenceModel> found = actual.sequence(sequence.name());
            if (found.isEmpty()) {
                out.add(new Difference(DifferenceKind.MISSING_SEQUENCE, Severity.ERROR, sequence.name(), null,
                        "increment " + sequence.increment(), null,
                        "Sequence " + sequence.name() + " does not exist in " + wording.database() + "."));
            } else if (found.get().increment() != sequence.increment()) {
                out.add(new Difference(DifferenceKind.MISSING_SEQUENCE, Severity.ERROR, sequence.name(), null,
                        "increment " + sequence.increment(), "increment " + found.get().increment(),
                        "Sequence " + sequence.name() + " increments by " + found.get().increment() + " "
                                + wording.expectsIncrement(sequence.increment()) + ": ids would collide or be skipped."));
            }
        }
        return new Result(out, notes);
    }

    private void compareTable(TableModel expected, TableModel actual, List<Difference> out) {
        for (ColumnModel column : expected.columns()) {
            Optional<ColumnModel> found = Names.column(actual, column, engine);
            if (found.isEmpty()) {
                String folded = Names.foldedInstead(column.name(), column.mapping().quoted(),
                        actual.columns().stream().map(ColumnModel::name).toList())
                        .map(name -> Names.quotedButFolded(column.name(), name,
                                "@Column(name) or @JoinColumn(name)")).orElse("");
                out.add(new Difference(DifferenceKind.MISSING_COLUMN, Severity.ERROR, expected.name(), column.name(),
                        column.type().spelling(), null,
                        "Column " + Labels.columnLabel(expected, column) + " does not exist in "
                                + wording.database() + "." + folded));
                continue;
            }
            columns.compare(expected, column, found.get(), actual, out);
        }
        for (ColumnModel column : actual.columns()) {
            if (!Names.mapped(expected, column, engine)) {
                boolean blocksInserts = !column.nullable() && !column.hasDefault();
                out.add(new Difference(DifferenceKind.UNMAPPED_COLUMN, blocksInserts ? Severity.ERROR : Severity.INFO,
                        expected.name(), column.name(), null, ColumnDiff.describe(column),
                        "Column " + expected.name() + "." + column.name() + " exists in " + wording.database()
                                + " but " + wording.unknownColumn() + (blocksInserts ? "; it is NOT NULL without a"
                                + " default, so " + wording.extraColumnBlocksInserts() + "." : ".")));
            }
        }
        ConstraintDiff.compare(expected, actual, wording, out);
        if (wording.comparesCatalogs()) {
            UnknownConstraints.compare(engine, expected, actual, wording, out);
        }
    }

    /** Whether a table is a migration tool's or SQLite's own, never part of the schema compared. */
    public static boolean isBookkeeping(String table) {
        String lower = table.toLowerCase(Locale.ROOT);
        return BOOKKEEPING_TABLES.contains(lower) || lower.startsWith("sqlite_");
    }
}
