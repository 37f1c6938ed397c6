package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.TableModel;

import java.util.Locale;
import java.util.Optional;

/**
 * How an expected table or column finds its database counterpart. Unquoted names compare ignoring case: H2 folds them
 * to upper case and PostgreSQL to lower case, both in the DDL and in Hibernate's SQL, so they meet whatever the
 * spelling. A name the mapping quotes ({@code @Table(name = "\"UserSettings\"")}) is sent quoted, so on H2 and
 * PostgreSQL it finds only a name spelled exactly so: one the DDL created unquoted was folded and does not match.
 * SQLite compares identifiers ignoring case even when quoted, so there quoted names fold too.
 */
final class Names {

    private Names() {
    }

    /** The database's table for an expected one. */
    static Optional<TableModel> table(SchemaModel actual, TableModel expected, EngineKind engine) {
        return actual.tables().stream()
                .filter(t -> same(expected.name(), expected.quoted(), t.name(), engine)).findFirst();
    }

    /** Whether some expected table claims this database table. */
    static boolean mapped(SchemaModel expected, TableModel actual, EngineKind engine) {
        return expected.tables().stream().anyMatch(t -> same(t.name(), t.quoted(), actual.name(), engine));
    }

    /** The database's column for an expected one. */
    static Optional<ColumnModel> column(TableModel actual, ColumnModel expected, EngineKind engine) {
        return actual.columns().stream()
                .filter(c -> same(expected.name(), expected.mapping().quoted(), c.name(), engine)).findFirst();
    }

    /** Whether some expected column claims this database column. */
    static boolean mapped(TableModel expected, ColumnModel actual, EngineKind engine) {
        return expected.columns().stream()
                .anyMatch(c -> same(c.name(), c.mapping().quoted(), actual.name(), engine));
    }

    /**
     * For a quoted expected name that found nothing, why: the name the database folded it to, when it has one
     * that differs only in case ({@code USERSETTINGS} for {@code "UserSettings"}).
     */
    static Optional<String> foldedInstead(String expected, boolean quoted, Iterable<String> actualNames) {
        if (!quoted) {
            return Optional.empty();
        }
        for (String name : actualNames) {
            if (name.equalsIgnoreCase(expected) && !name.equals(expected)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The sentence a MISSING_TABLE or MISSING_COLUMN finding adds for a quoted name the database folded. */
    static String quotedButFolded(String expected, String folded, String annotation) {
        String fold = folded.equals(folded.toUpperCase(Locale.ROOT)) ? "upper case"
                : folded.equals(folded.toLowerCase(Locale.ROOT)) ? "lower case" : "another case";
        return " The mapping quotes the name (\"" + expected + "\" in " + annotation + "), so Hibernate's SQL must"
                + " match it exactly, but the database has " + folded + ": the DDL left the name unquoted and the"
                + " database folded it to " + fold + ". Quote it in the DDL (\"" + expected + "\") or drop the quotes"
                + " from " + annotation + ".";
    }

    private static boolean same(String expected, boolean quoted, String actual, EngineKind engine) {
        return quoted && engine != EngineKind.SQLITE ? expected.equals(actual) : expected.equalsIgnoreCase(actual);
    }
}
