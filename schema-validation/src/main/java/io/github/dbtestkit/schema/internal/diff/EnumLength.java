package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.internal.model.CanonicalType;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import io.github.dbtestkit.schema.internal.model.TypeFamily;
import io.github.dbtestkit.schema.internal.model.TypeNames;

import java.util.List;
import java.util.Optional;

/**
 * The length rule of an {@code @Enumerated(STRING)} column: Hibernate stores the constants' names, so the column must
 * hold the longest one, and that, not the mapping's declared length ({@code @Column(length)}, 255 by default, or no
 * length at all for H2's {@code enum(...)}), is what the database's length is compared with. Shorter is an ERROR;
 * long enough is no finding, even when shorter than the declared length, since no longer value can be saved.
 * An ENUM column (H2's, or one create_all made there) is judged by its values instead: a constant it lacks is a
 * TYPE_MISMATCH ERROR, since no length makes it acceptable. Not applied on SQLite, which ignores lengths; ORDINAL
 * enums store numbers and have no length rule.
 */
final class EnumLength {

    private EnumLength() {
    }

    /** Whether this rule, not the general length comparison, judges the column's length. */
    static boolean applies(ColumnModel expected, ColumnModel actual) {
        return expected.mapping().longestEnumConstant() != null && actual.type().type().family() == TypeFamily.STRING;
    }

    /** The finding when the column cannot hold the longest constant. */
    static Optional<Difference> compare(TableModel table, ColumnModel expected, ColumnModel actual, String label,
                                        Wording wording) {
        List<String> accepted = TypeNames.enumValues(actual.type().spelling());
        if (!accepted.isEmpty()) {
            return missingValues(table, expected, actual, label, wording, accepted);
        }
        String longest = expected.mapping().longestEnumConstant();
        Integer have = actual.type().type().hasLength() ? actual.type().length() : null;
        if (have == null || have >= longest.length()) {
            return Optional.empty();
        }
        String attribute = expected.attribute() == null ? "the attribute" : expected.attribute();
        return Optional.of(new Difference(DifferenceKind.LENGTH_MISMATCH, Severity.ERROR, table.name(), expected.name(),
                "length " + longest.length() + " (" + longest + ")", actual.type().spelling(),
                "Column " + label + " is " + actual.type().spelling() + " in " + wording.database()
                        + ", too short for the @Enumerated(STRING) " + attribute + ": its longest constant " + longest
                        + " has " + longest.length() + " characters and the column holds " + have
                        + ", so saving it fails. Widen the column to at least " + longest.length() + " characters."));
    }

    /** An ENUM column (H2's) accepts its values only: every constant must be one, whatever the lengths. */
    private static Optional<Difference> missingValues(TableModel table, ColumnModel expected, ColumnModel actual,
                                                      String label, Wording wording, List<String> accepted) {
        List<String> missing = expected.mapping().enumConstants().stream().filter(c -> !accepted.contains(c)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String attribute = expected.attribute() == null ? "the attribute" : expected.attribute();
        String longest = expected.mapping().longestEnumConstant();
        int holds = accepted.stream().mapToInt(String::length).max().orElse(0);
        String lengths = longest.length() > holds ? " (its longest constant " + longest + " has " + longest.length()
                + " characters and the column holds " + holds + ")" : "";
        return Optional.of(new Difference(DifferenceKind.TYPE_MISMATCH, Severity.ERROR, table.name(), expected.name(),
                "values " + expected.mapping().enumConstants(), actual.type().spelling(),
                "Column " + label + " is " + actual.type().spelling() + " in " + wording.database()
                        + ", which does not accept " + String.join(", ", missing) + " of the @Enumerated(STRING) "
                        + attribute + lengths + ": saving " + (missing.size() == 1 ? "it" : "them")
                        + " fails. Add " + (missing.size() == 1 ? "the value" : "the values") + " to the ENUM type,"
                        + " or make the column a varchar of at least " + longest.length() + " characters."));
    }
}
