package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.TableModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The foreign keys, unique constraints and indexes a database under test has and its reference database lacks. Only a
 * comparison of two catalogs asks this: a mapping declares few indexes and no foreign key without an association, so
 * against a mapping these would be noise, while a reference database built by create_all declares everything the
 * entities need. Part of {@link SchemaDiff}'s one pass, for {@link Wording#REFERENCE_DATABASE}.
 *
 * <p>Indexes that only back a constraint are not reported: the primary key's and unique constraints' own indexes, and
 * on H2 the index it creates for every foreign key.
 */
final class UnknownConstraints {

    private UnknownConstraints() {
    }

    /** Adds the foreign keys, unique constraints and indexes of {@code actual} that {@code expected} lacks. */
    static void compare(EngineKind engine, TableModel expected, TableModel actual, Wording wording,
                        List<Difference> out) {
        foreignKeys(expected, actual, wording, out);
        uniqueKeys(expected, actual, wording, out);
        indexes(engine, expected, actual, wording, out);
    }

    private static void foreignKeys(TableModel expected, TableModel actual, Wording wording, List<Difference> out) {
        for (ForeignKeyModel fk : actual.foreignKeys()) {
            boolean known = expected.foreignKeys().stream().anyMatch(candidate ->
                    Labels.folded(candidate.columns()).equals(Labels.folded(fk.columns()))
                            && candidate.referencedTable().equalsIgnoreCase(fk.referencedTable()));
            if (!known) {
                String columns = String.join(", ", fk.columns());
                out.add(new Difference(DifferenceKind.UNMAPPED_FOREIGN_KEY, Severity.WARNING, expected.name(),
                        columns, null, "(" + columns + ") references " + fk.referencedTable(),
                        "Foreign key " + expected.name() + "(" + columns + ") -> " + fk.referencedTable()
                                + (fk.name() == null ? "" : " (" + fk.name() + ")") + " exists in "
                                + wording.database() + " but not in " + wording.expectation()
                                + ": it rejects rows the reference database accepts."));
            }
        }
    }

    private static void uniqueKeys(TableModel expected, TableModel actual, Wording wording, List<Difference> out) {
        Map<Set<String>, KeyModel> unique = new LinkedHashMap<>();
        actual.uniqueKeys().forEach(key -> unique.putIfAbsent(Labels.folded(key.columns()), key));
        actual.indexes().stream().filter(KeyModel::unique)
                .forEach(index -> unique.putIfAbsent(Labels.folded(index.columns()), index));
        unique.remove(Labels.folded(actual.primaryKey()));
        for (KeyModel key : unique.values()) {
            if (!ConstraintDiff.uniqueOn(expected, key.columns())) {
                String columns = String.join(", ", key.columns());
                out.add(new Difference(DifferenceKind.UNMAPPED_UNIQUE_CONSTRAINT, Severity.WARNING, expected.name(),
                        columns, null, "unique (" + columns + ")", "Unique constraint on " + expected.name() + "("
                        + columns + ")" + (key.name() == null ? "" : " (" + key.name() + ")") + " exists in "
                        + wording.database() + " but not in " + wording.expectation()
                        + ": it rejects duplicates the reference database accepts."));
            }
        }
    }

    private static void indexes(EngineKind engine, TableModel expected, TableModel actual, Wording wording,
                                List<Difference> out) {
        for (KeyModel index : actual.indexes()) {
            Set<String> columns = Labels.folded(index.columns());
            boolean backsForeignKey = engine == EngineKind.H2 && actual.foreignKeys().stream()
                    .anyMatch(fk -> Labels.folded(fk.columns()).equals(columns));
            boolean known = ConstraintDiff.uniqueOn(expected, index.columns())
                    || expected.indexes().stream().anyMatch(i -> Labels.folded(i.columns()).equals(columns));
            if (!index.unique() && !backsForeignKey && !known) {
                String list = String.join(", ", index.columns());
                out.add(new Difference(DifferenceKind.UNMAPPED_INDEX, Severity.INFO, expected.name(), list, null,
                        "index (" + list + ")", "Index on " + expected.name() + "(" + list + ")"
                        + (index.name() == null ? "" : " (" + index.name() + ")") + " exists in " + wording.database()
                        + " but not in " + wording.expectation() + "."));
            }
        }
    }
}
