package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.internal.model.CanonicalType;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ColumnType;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.TableModel;
import io.github.dbtestkit.schema.internal.model.TypeFamily;

import java.util.List;

/**
 * One expected column (mapped, or of a reference database) against its database column: type, length, precision and
 * scale, nullability and identity, judged per engine (lengths mean nothing on SQLite). Part of {@link SchemaDiff}'s
 * one pass.
 */
final class ColumnDiff {

    private final EngineKind engine;
    private final Wording wording;

    ColumnDiff(EngineKind engine, Wording wording) {
        this.engine = engine;
        this.wording = wording;
    }

    void compare(TableModel table, ColumnModel expected, ColumnModel actual, TableModel actualTable,
                               List<Difference> out) {
        String label = Labels.columnLabel(table, expected);
        ColumnType want = expected.type();
        ColumnType have = actual.type();
        if (!compatible(want, have)) {
            out.add(new Difference(DifferenceKind.TYPE_MISMATCH, Severity.ERROR, table.name(), expected.name(),
                    want.spelling(), have.spelling(), "Column " + label + " is " + have.spelling()
                            + " in " + wording.database() + " but " + wording.expectsType(want.spelling()) + "."));
        } else {
            compareLength(table, expected, actual, label, out);
            comparePrecision(table, expected, actual, label, out);
        }
        if (expected.nullable() && !actual.nullable() && !actual.hasDefault()) {
            out.add(new Difference(DifferenceKind.NULLABILITY_MISMATCH, Severity.ERROR, table.name(), expected.name(),
                    "nullable", "not null", "Column " + label + " is NOT NULL without a default in " + wording.database()
                    + " but " + wording.expectation() + " allows null: " + wording.insertWithoutValueFails() + "."));
        } else if (!expected.nullable() && actual.nullable() && !Labels.inPrimaryKey(actualTable, actual.name())) {
            out.add(new Difference(DifferenceKind.NULLABILITY_MISMATCH, Severity.WARNING, table.name(),
                    expected.name(), "not null", "nullable",
                    "Column " + label + " is nullable in " + wording.database() + " but " + wording.expectation()
                            + " says not null" + notNullBy(expected) + "."));
        }
        if (expected.identity() && !actual.identity() && !actual.hasDefault()) {
            out.add(new Difference(DifferenceKind.MISSING_IDENTITY, Severity.ERROR, table.name(), expected.name(),
                    "identity", describe(actual), "Column " + label + " is " + wording.generated() + " but has no"
                    + " identity, serial or default in " + wording.database() + ": inserts fail."));
        }
    }

    /** Which Bean Validation constraint makes the attribute not-null, and what to do about the column. */
    private String notNullBy(ColumnModel expected) {
        String annotation = expected.mapping().notNullConstraint();
        return annotation == null ? "" : " (" + annotation + " on " + (expected.attribute() == null ? "the attribute"
                : expected.attribute()) + "; Hibernate's DDL makes such columns NOT NULL): make the column NOT NULL"
                + " in " + wording.database() + ", or drop " + annotation + " if null is a valid value";
    }

    private boolean compatible(ColumnType want, ColumnType have) {
        if (have.type().canHold(want.type())) {
            return true;
        }
        if (want.type() == CanonicalType.OTHER && have.type() == CanonicalType.OTHER) {
            return Labels.normalise(want.spelling()).equals(Labels.normalise(have.spelling()));
        }
        boolean bothStrings = want.type().family() == have.type().family()
                && (want.type().family() == TypeFamily.STRING || want.type().family() == TypeFamily.BINARY);
        if (bothStrings) {
            // Bounded where the mapping is unbounded: a length problem, reported by compareLength.
            return true;
        }
        if (engine == EngineKind.SQLITE) {
            // SQLite stores every integer in up to 8 bytes and has no boolean or time zone types of its own.
            return SqliteAffinity.compatible(want.type(), have.type());
        }
        return false;
    }

    private void compareLength(TableModel table, ColumnModel expected, ColumnModel actual, String label,
                               List<Difference> out) {
        if (engine == EngineKind.SQLITE) {
            return;
        }
        if (EnumLength.applies(expected, actual)) {
            EnumLength.compare(table, expected, actual, label, wording).ifPresent(out::add);
            return;
        }
        Integer want = unbounded(expected.type()) ? null : expected.type().length();
        Integer have = unbounded(actual.type()) ? null : actual.type().length();
        boolean wantUnbounded = expected.type().type() == CanonicalType.TEXT || expected.type().type() == CanonicalType.BLOB;
        if (wantUnbounded && have != null) {
            out.add(lengthDifference(wording, Severity.ERROR, table, expected, actual, label, "shorter than"));
        } else if (want != null && have != null && have < want) {
            out.add(lengthDifference(wording, Severity.ERROR, table, expected, actual, label, "shorter than"));
        } else if (want != null && (have == null || have > want)) {
            out.add(lengthDifference(wording, Severity.INFO, table, expected, actual, label, "longer than"));
        }
    }

    private static boolean unbounded(ColumnType type) {
        return type.type() == CanonicalType.TEXT || type.type() == CanonicalType.BLOB || !type.type().hasLength();
    }

    private static Difference lengthDifference(Wording wording, Severity severity, TableModel table,
                                               ColumnModel expected, ColumnModel actual, String label,
                                               String relation) {
        return new Difference(DifferenceKind.LENGTH_MISMATCH, severity, table.name(), expected.name(),
                expected.type().spelling(), actual.type().spelling(), "Column " + label + " is "
                + actual.type().spelling() + " in " + wording.database() + ", " + relation + " "
                + wording.expectations() + " "
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
                want.spelling(), have.spelling(), "Column " + label + " is " + have.spelling() + " in "
                + wording.database() + ", " + relation + " " + wording.expectations() + " " + want.spelling()
                + (severity == Severity.ERROR ? ": values are rounded or rejected." : ".")));
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    static String describe(ColumnModel column) {
        return column.type().spelling() + (column.nullable() ? "" : " not null")
                + (column.identity() ? " identity" : column.hasDefault() ? " default" : "");
    }
}
