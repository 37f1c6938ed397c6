package io.github.dbtestkit.schema.diff;

import org.apiguardian.api.API;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.model.CanonicalType;
import io.github.dbtestkit.schema.model.CheckModel;
import io.github.dbtestkit.schema.model.ColumnModel;
import io.github.dbtestkit.schema.model.ColumnType;
import io.github.dbtestkit.schema.model.ForeignKeyModel;
import io.github.dbtestkit.schema.model.KeyModel;
import io.github.dbtestkit.schema.model.SchemaEngine;
import io.github.dbtestkit.schema.model.SchemaModel;
import io.github.dbtestkit.schema.model.SequenceModel;
import io.github.dbtestkit.schema.model.TableModel;
import io.github.dbtestkit.schema.model.TypeFamily;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares an expected {@link SchemaModel} (from the mapping) with an actual one (from the database) and collects
 * every {@link Difference} in one pass, like misk's validator: nothing stops at the first finding. Names match
 * ignoring case; keys, indexes and foreign keys match by columns, never by name.
 *
 * <pre>{@code
 * SchemaDiff.Result result = new SchemaDiff(SchemaEngine.SQLITE).compare(expected, actual);
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

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SchemaEngine engine;

    /** @param engine the engine the actual model was read from; it decides which facts mean something */
    public SchemaDiff(SchemaEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
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
        if (engine == SchemaEngine.SQLITE) {
            notes.add(SQLITE_LENGTH_NOTE);
        }
        for (TableModel table : expected.tables()) {
            Optional<TableModel> found = actual.table(table.name());
            if (found.isEmpty()) {
                out.add(new Difference(DifferenceKind.MISSING_TABLE, Severity.ERROR, table.name(), null,
                        "table", null, "Table " + table.name() + owner(table) + " does not exist in the database."));
                continue;
            }
            compareTable(table, found.get(), out);
        }
        for (TableModel table : actual.tables()) {
            if (expected.table(table.name()).isEmpty() && !bookkeeping(table.name())) {
                out.add(new Difference(DifferenceKind.UNMAPPED_TABLE, Severity.INFO, table.name(), null, null, "table",
                        "Table " + table.name() + " exists in the database but no entity maps it."));
            }
        }
        for (SequenceModel sequence : expected.sequences()) {
            Optional<SequenceModel> found = actual.sequence(sequence.name());
            if (found.isEmpty()) {
                out.add(new Difference(DifferenceKind.MISSING_SEQUENCE, Severity.ERROR, sequence.name(), null,
                        "increment " + sequence.increment(), null,
                        "Sequence " + sequence.name() + " does not exist in the database."));
            } else if (found.get().increment() != sequence.increment()) {
                out.add(new Difference(DifferenceKind.MISSING_SEQUENCE, Severity.ERROR, sequence.name(), null,
                        "increment " + sequence.increment(), "increment " + found.get().increment(),
                        "Sequence " + sequence.name() + " increments by " + found.get().increment()
                                + " but the generator's allocation size is " + sequence.increment()
                                + ": ids would collide or be skipped."));
            }
        }
        return new Result(out, notes);
    }

    private void compareTable(TableModel expected, TableModel actual, List<Difference> out) {
        for (ColumnModel column : expected.columns()) {
            Optional<ColumnModel> found = actual.column(column.name());
            if (found.isEmpty()) {
                out.add(new Difference(DifferenceKind.MISSING_COLUMN, Severity.ERROR, expected.name(), column.name(),
                        column.type().spelling(), null,
                        "Column " + columnLabel(expected, column) + " does not exist in the database."));
                continue;
            }
            compareColumn(expected, column, found.get(), actual, out);
        }
        for (ColumnModel column : actual.columns()) {
            if (expected.column(column.name()).isEmpty()) {
                boolean blocksInserts = !column.nullable() && !column.hasDefault();
                out.add(new Difference(DifferenceKind.UNMAPPED_COLUMN, blocksInserts ? Severity.ERROR : Severity.INFO,
                        expected.name(), column.name(), null, describe(column),
                        "Column " + expected.name() + "." + column.name() + " exists in the database but no attribute"
                                + " maps it" + (blocksInserts ? "; it is NOT NULL without a default, so every insert"
                                + " through the mapping fails." : ".")));
            }
        }
        comparePrimaryKey(expected, actual, out);
        compareForeignKeys(expected, actual, out);
        compareUniqueKeys(expected, actual, out);
        compareIndexes(expected, actual, out);
        compareChecks(expected, actual, out);
    }

    private void compareColumn(TableModel table, ColumnModel expected, ColumnModel actual, TableModel actualTable,
                               List<Difference> out) {
        String label = columnLabel(table, expected);
        ColumnType want = expected.type();
        ColumnType have = actual.type();
        if (!compatible(want, have)) {
            out.add(new Difference(DifferenceKind.TYPE_MISMATCH, Severity.ERROR, table.name(), expected.name(),
                    want.spelling(), have.spelling(), "Column " + label + " is " + have.spelling()
                            + " in the database but the mapping expects " + want.spelling() + "."));
        } else {
            compareLength(table, expected, actual, label, out);
            comparePrecision(table, expected, actual, label, out);
        }
        if (expected.nullable() && !actual.nullable() && !actual.hasDefault()) {
            out.add(new Difference(DifferenceKind.NULLABILITY_MISMATCH, Severity.ERROR, table.name(), expected.name(),
                    "nullable", "not null", "Column " + label + " is NOT NULL without a default in the database but"
                    + " the mapping allows null: saving an entity without it fails."));
        } else if (!expected.nullable() && actual.nullable() && !inPrimaryKey(actualTable, actual.name())) {
            out.add(new Difference(DifferenceKind.NULLABILITY_MISMATCH, Severity.WARNING, table.name(),
                    expected.name(), "not null", "nullable",
                    "Column " + label + " is nullable in the database but the mapping says not null."));
        }
        if (expected.identity() && !actual.identity() && !actual.hasDefault()) {
            out.add(new Difference(DifferenceKind.MISSING_IDENTITY, Severity.ERROR, table.name(), expected.name(),
                    "identity", describe(actual), "Column " + label + " is generated by the database in the mapping"
                    + " (IDENTITY) but has no identity, serial or default in the database: inserts fail."));
        }
    }

    private boolean compatible(ColumnType want, ColumnType have) {
        if (have.type().canHold(want.type())) {
            return true;
        }
        if (want.type() == CanonicalType.OTHER && have.type() == CanonicalType.OTHER) {
            return normalise(want.spelling()).equals(normalise(have.spelling()));
        }
        boolean bothStrings = want.type().family() == have.type().family()
                && (want.type().family() == TypeFamily.STRING || want.type().family() == TypeFamily.BINARY);
        if (bothStrings) {
            // Bounded where the mapping is unbounded: a length problem, reported by compareLength.
            return true;
        }
        if (engine == SchemaEngine.SQLITE) {
            // SQLite stores every integer in up to 8 bytes and has no boolean or time zone types of its own.
            return SqliteAffinity.compatible(want.type(), have.type());
        }
        return false;
    }

    private void compareLength(TableModel table, ColumnModel expected, ColumnModel actual, String label,
                               List<Difference> out) {
        if (engine == SchemaEngine.SQLITE) {
            return;
        }
        Integer want = unbounded(expected.type()) ? null : expected.type().length();
        Integer have = unbounded(actual.type()) ? null : actual.type().length();
        boolean wantUnbounded = expected.type().type() == CanonicalType.TEXT || expected.type().type() == CanonicalType.BLOB;
        if (wantUnbounded && have != null) {
            out.add(lengthDifference(Severity.ERROR, table, expected, actual, label, "shorter than"));
        } else if (want != null && have != null && have < want) {
            out.add(lengthDifference(Severity.ERROR, table, expected, actual, label, "shorter than"));
        } else if (want != null && (have == null || have > want)) {
            out.add(lengthDifference(Severity.INFO, table, expected, actual, label, "longer than"));
        }
    }

    private static boolean unbounded(ColumnType type) {
        return type.type() == CanonicalType.TEXT || type.type() == CanonicalType.BLOB || !type.type().hasLength();
    }

    private static Difference lengthDifference(Severity severity, TableModel table, ColumnModel expected,
                                               ColumnModel actual, String label, String relation) {
        return new Difference(DifferenceKind.LENGTH_MISMATCH, severity, table.name(), expected.name(),
                expected.type().spelling(), actual.type().spelling(), "Column " + label + " is "
                + actual.type().spelling() + " in the database, " + relation + " the mapping's "
                + expected.type().spelling() + (severity == Severity.ERROR ? ": longer values fail to save." : "."));
    }

    private void comparePrecision(TableModel table, ColumnModel expected, ColumnModel actual, String label,
                                  List<Difference> out) {
        ColumnType want = expected.type();
        ColumnType have = actual.type();
        if (want.type() != CanonicalType.DECIMAL || have.type() != CanonicalType.DECIMAL || want.precision() == null) {
            return;
        }
        Severity severity;
        if (have.precision() == null) {
            severity = Severity.INFO;
        } else if (have.precision() < want.precision() || nz(have.scale()) < nz(want.scale())) {
            severity = Severity.ERROR;
        } else if (have.precision() > want.precision() || nz(have.scale()) > nz(want.scale())) {
            severity = Severity.INFO;
        } else {
            return;
        }
        String relation = severity == Severity.ERROR ? "less precise than" : "more precise than";
        out.add(new Difference(DifferenceKind.PRECISION_MISMATCH, severity, table.name(), expected.name(),
                want.spelling(), have.spelling(), "Column " + label + " is " + have.spelling() + " in the database, "
                + relation + " the mapping's " + want.spelling()
                + (severity == Severity.ERROR ? ": values are rounded or rejected." : ".")));
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    private void comparePrimaryKey(TableModel expected, TableModel actual, List<Difference> out) {
        if (expected.primaryKey().isEmpty() || folded(expected.primaryKey()).equals(folded(actual.primaryKey()))) {
            return;
        }
        String want = "(" + String.join(", ", expected.primaryKey()) + ")";
        String have = actual.primaryKey().isEmpty() ? "none" : "(" + String.join(", ", actual.primaryKey()) + ")";
        out.add(new Difference(DifferenceKind.PRIMARY_KEY_MISMATCH, Severity.ERROR, expected.name(),
                String.join(", ", expected.primaryKey()), want, have,
                "Table " + expected.name() + owner(expected) + " has primary key " + have
                        + " in the database but the mapping's id is " + want + "."));
    }

    private void compareForeignKeys(TableModel expected, TableModel actual, List<Difference> out) {
        for (ForeignKeyModel fk : expected.foreignKeys()) {
            boolean present = actual.foreignKeys().stream().anyMatch(candidate ->
                    folded(candidate.columns()).equals(folded(fk.columns()))
                            && candidate.referencedTable().equalsIgnoreCase(fk.referencedTable()));
            if (!present) {
                String columns = String.join(", ", fk.columns());
                String attribute = expected.column(fk.columns().get(0)).map(ColumnModel::attribute).orElse(null);
                out.add(new Difference(DifferenceKind.MISSING_FOREIGN_KEY, Severity.WARNING, expected.name(), columns,
                        "(" + columns + ") references " + fk.referencedTable(), null,
                        "Foreign key " + expected.name() + "(" + columns + ") -> " + fk.referencedTable()
                                + (attribute == null ? "" : " (" + attribute + ")")
                                + " is missing in the database: rows can point at nothing."));
            }
        }
    }

    private void compareUniqueKeys(TableModel expected, TableModel actual, List<Difference> out) {
        for (KeyModel key : expected.uniqueKeys()) {
            if (!uniqueOn(actual, key.columns())) {
                String columns = String.join(", ", key.columns());
                out.add(new Difference(DifferenceKind.MISSING_UNIQUE_CONSTRAINT, Severity.WARNING, expected.name(),
                        columns, "unique (" + columns + ")", null, "Unique constraint on " + expected.name() + "("
                        + columns + ")" + attributes(expected, key.columns())
                        + " is missing in the database: duplicates are accepted."));
            }
        }
    }

    private void compareIndexes(TableModel expected, TableModel actual, List<Difference> out) {
        for (KeyModel index : expected.indexes()) {
            Set<String> columns = folded(index.columns());
            boolean present = index.unique() ? uniqueOn(actual, index.columns())
                    : uniqueOn(actual, index.columns())
                    || actual.indexes().stream().anyMatch(i -> folded(i.columns()).equals(columns));
            if (!present) {
                String list = String.join(", ", index.columns());
                out.add(new Difference(DifferenceKind.MISSING_INDEX, Severity.WARNING, expected.name(), list,
                        (index.unique() ? "unique index (" : "index (") + list + ")", null,
                        (index.unique() ? "Unique index" : "Index") + " on " + expected.name() + "(" + list + ")"
                                + (index.name() == null ? "" : " (" + index.name() + ")")
                                + " is missing in the database."));
            }
        }
    }

    /** A primary key, unique constraint or unique index on exactly these columns. */
    private static boolean uniqueOn(TableModel table, List<String> columns) {
        Set<String> wanted = folded(columns);
        return folded(table.primaryKey()).equals(wanted)
                || table.uniqueKeys().stream().anyMatch(k -> folded(k.columns()).equals(wanted))
                || table.indexes().stream().anyMatch(i -> i.unique() && folded(i.columns()).equals(wanted));
    }

    private void compareChecks(TableModel expected, TableModel actual, List<Difference> out) {
        for (CheckModel check : actual.checks()) {
            if (!known(check, expected, actual)) {
                out.add(new Difference(DifferenceKind.UNMAPPED_CHECK_CONSTRAINT, Severity.INFO, expected.name(),
                        null, null, check.expression(), "Table " + expected.name() + " has CHECK ("
                        + check.expression() + ")" + (check.name() == null ? "" : " (" + check.name() + ")")
                        + " in the database that the mapping does not know: the database may reject what the"
                        + " entity allows."));
            }
        }
    }

    /**
     * Whether the mapping declares this check. Engines reprint conditions ({@code status in ('A','B')} comes back
     * from PostgreSQL as {@code status::text = ANY (ARRAY[...])}), so a check is known when the texts match after
     * normalising, or when a mapped check constrains the same columns.
     */
    private static boolean known(CheckModel check, TableModel expected, TableModel actual) {
        String text = normalise(check.expression());
        Set<String> columns = mentionedColumns(check.expression(), actual);
        for (CheckModel candidate : expected.checks()) {
            if (normalise(candidate.expression()).equals(text)) {
                return true;
            }
            if (!columns.isEmpty() && mentionedColumns(candidate.expression(), actual).equals(columns)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> mentionedColumns(String expression, TableModel table) {
        Set<String> columns = new TreeSet<>();
        Matcher words = IDENTIFIER.matcher(expression.replaceAll("'[^']*'", ""));
        while (words.find()) {
            table.column(words.group()).ifPresent(c -> columns.add(c.name().toLowerCase(Locale.ROOT)));
        }
        return columns;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s()\"`]", "");
    }

    private static boolean inPrimaryKey(TableModel table, String column) {
        return table.primaryKey().stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    private static boolean bookkeeping(String table) {
        String lower = table.toLowerCase(Locale.ROOT);
        return BOOKKEEPING_TABLES.contains(lower) || lower.startsWith("sqlite_");
    }

    private static Set<String> folded(Collection<String> columns) {
        Set<String> set = new TreeSet<>();
        columns.forEach(c -> set.add(c.toLowerCase(Locale.ROOT)));
        return set;
    }

    private static String owner(TableModel table) {
        return table.entity() == null ? "" : " (" + table.entity() + ")";
    }

    private static String columnLabel(TableModel table, ColumnModel column) {
        return table.name() + "." + column.name() + (column.attribute() == null ? "" : " (" + column.attribute() + ")");
    }

    private static String attributes(TableModel table, List<String> columns) {
        List<String> names = columns.stream().map(table::column).flatMap(Optional::stream)
                .map(ColumnModel::attribute).filter(Objects::nonNull).distinct().toList();
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }

    private static String describe(ColumnModel column) {
        return column.type().spelling() + (column.nullable() ? "" : " not null")
                + (column.identity() ? " identity" : column.hasDefault() ? " default" : "");
    }
}
