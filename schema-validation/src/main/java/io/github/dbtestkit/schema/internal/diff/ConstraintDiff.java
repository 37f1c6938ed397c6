package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.internal.model.CheckModel;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.TableModel;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys and constraints of an expected table (mapped, or of a reference database) against the database's, matched by
 * columns, never by name. Part of {@link SchemaDiff}'s one pass.
 */
final class ConstraintDiff {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ConstraintDiff() {
    }

    /** The primary key, foreign keys, unique constraints, indexes and CHECK constraints of one table. */
    static void compare(TableModel expected, TableModel actual, Wording wording, List<Difference> out) {
        comparePrimaryKey(expected, actual, wording, out);
        compareForeignKeys(expected, actual, wording, out);
        compareUniqueKeys(expected, actual, wording, out);
        compareIndexes(expected, actual, wording, out);
        compareChecks(expected, actual, wording, out);
    }

    private static void comparePrimaryKey(TableModel expected, TableModel actual, Wording wording,
                                          List<Difference> out) {
        if (expected.primaryKey().isEmpty() || Labels.folded(expected.primaryKey()).equals(Labels.folded(actual.primaryKey()))) {
            return;
        }
        String want = "(" + String.join(", ", expected.primaryKey()) + ")";
        String have = actual.primaryKey().isEmpty() ? "none" : "(" + String.join(", ", actual.primaryKey()) + ")";
        // A join table made by hand often has UNIQUE (a, b) over NOT NULL columns instead of PRIMARY KEY (a, b):
        // the same rows are refused and Hibernate works on it, so it is worth a warning, not an error.
        boolean uniqueInstead = actual.primaryKey().isEmpty() && uniqueOn(actual, expected.primaryKey())
                && expected.primaryKey().stream().allMatch(c -> actual.column(c).map(col -> !col.nullable()).orElse(false));
        out.add(new Difference(DifferenceKind.PRIMARY_KEY_MISMATCH, uniqueInstead ? Severity.WARNING : Severity.ERROR,
                expected.name(), String.join(", ", expected.primaryKey()), want,
                uniqueInstead ? "unique " + want + ", not null" : have,
                "Table " + expected.name() + Labels.owner(expected) + " has primary key " + have
                        + " in " + wording.database() + " but " + wording.expectsKey(want)
                        + (uniqueInstead ? "; a NOT NULL unique constraint on " + want + " stands in for it, so rows"
                        + " stay unique and Hibernate works, but the database does not know the key." : ".")));
    }

    private static void compareForeignKeys(TableModel expected, TableModel actual, Wording wording,
                                           List<Difference> out) {
        for (ForeignKeyModel fk : expected.foreignKeys()) {
            boolean present = actual.foreignKeys().stream().anyMatch(candidate ->
                    Labels.folded(candidate.columns()).equals(Labels.folded(fk.columns()))
                            && candidate.referencedTable().equalsIgnoreCase(fk.referencedTable()));
            if (!present) {
                String columns = String.join(", ", fk.columns());
                String attribute = expected.column(fk.columns().get(0)).map(ColumnModel::attribute).orElse(null);
                out.add(new Difference(DifferenceKind.MISSING_FOREIGN_KEY, Severity.WARNING, expected.name(), columns,
                        "(" + columns + ") references " + fk.referencedTable(), null,
                        "Foreign key " + expected.name() + "(" + columns + ") -> " + fk.referencedTable()
                                + (attribute == null ? "" : " (" + attribute + ")")
                                + " is missing in " + wording.database() + ": rows can point at nothing."));
            }
        }
    }

    private static void compareUniqueKeys(TableModel expected, TableModel actual, Wording wording,
                                          List<Difference> out) {
        for (KeyModel key : expected.uniqueKeys()) {
            if (!uniqueOn(actual, key.columns())) {
                String columns = String.join(", ", key.columns());
                out.add(new Difference(DifferenceKind.MISSING_UNIQUE_CONSTRAINT, Severity.WARNING, expected.name(),
                        columns, "unique (" + columns + ")", null, "Unique constraint on " + expected.name() + "("
                        + columns + ")" + Labels.attributes(expected, key.columns())
                        + " is missing in " + wording.database() + ": duplicates are accepted."));
            }
        }
    }

    private static void compareIndexes(TableModel expected, TableModel actual, Wording wording,
                                       List<Difference> out) {
        for (KeyModel index : expected.indexes()) {
            Set<String> columns = Labels.folded(index.columns());
            boolean present = index.unique() ? uniqueOn(actual, index.columns())
                    : uniqueOn(actual, index.columns())
                    || actual.indexes().stream().anyMatch(i -> Labels.folded(i.columns()).equals(columns));
            if (!present) {
                String list = String.join(", ", index.columns());
                out.add(new Difference(DifferenceKind.MISSING_INDEX, Severity.WARNING, expected.name(), list,
                        (index.unique() ? "unique index (" : "index (") + list + ")", null,
                        (index.unique() ? "Unique index" : "Index") + " on " + expected.name() + "(" + list + ")"
                                + (index.name() == null ? "" : " (" + index.name() + ")")
                                + " is missing in " + wording.database() + "."));
            }
        }
    }

    /** A primary key, unique constraint or unique index on exactly these columns. */
    static boolean uniqueOn(TableModel table, List<String> columns) {
        Set<String> wanted = Labels.folded(columns);
        return Labels.folded(table.primaryKey()).equals(wanted)
                || table.uniqueKeys().stream().anyMatch(k -> Labels.folded(k.columns()).equals(wanted))
                || table.indexes().stream().anyMatch(i -> i.unique() && Labels.folded(i.columns()).equals(wanted));
    }

    private static void compareChecks(TableModel expected, TableModel actual, Wording wording,
                                      List<Difference> out) {
        for (CheckModel check : actual.checks()) {
            if (!known(check, expected, actual)) {
                out.add(new Difference(DifferenceKind.UNMAPPED_CHECK_CONSTRAINT, Severity.INFO, expected.name(),
                        null, null, check.expression(), "Table " + expected.name() + " has CHECK ("
                        + check.expression() + ")" + (check.name() == null ? "" : " (" + check.name() + ")")
                        + " in " + wording.database() + " that " + wording.expectation() + " does not know: "
                        + wording.checkRisk() + "."));
            }
        }
    }

    /**
     * Whether the mapping declares this check. Engines reprint conditions ({@code status in ('A','B')} comes back
     * from PostgreSQL as {@code status::text = ANY (ARRAY[...])}), so a check is known when the texts match after
     * normalising, or when a mapped check constrains the same columns.
     */
    private static boolean known(CheckModel check, TableModel expected, TableModel actual) {
        String text = Labels.normalise(check.expression());
        Set<String> columns = mentionedColumns(check.expression(), actual);
        for (CheckModel candidate : expected.checks()) {
            if (Labels.normalise(candidate.expression()).equals(text)) {
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
}
