package io.github.dbtestkit.internal.migration.checks;

import io.github.dbtestkit.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares a migrated schema with the one create_all produced, collecting every difference. "Missing" means
 * create_all has it and the migrations do not; "unmapped" and "extra" the other way round.
 *
 * <pre>{@code
 * List<SchemaDifference> differences = SchemaComparison.compare(migrated, createAll, Engine.H2);
 * }</pre>
 *
 * <p>Two engine facts are not differences: PostgreSQL reports a {@code BIGSERIAL} column as {@code bigserial} where
 * Hibernate's identity column is {@code int8} (the same storage), and on SQLite Hibernate emits no foreign keys at all,
 * so foreign keys only the migrations declare are expected there.
 */
final class SchemaComparison {

    private static final Map<String, String> SERIALS = Map.of("BIGSERIAL", "INT8", "SERIAL", "INT4", "SMALLSERIAL", "INT2");

    private SchemaComparison() {
    }

    static List<SchemaDifference> compare(DatabaseShape migrated, DatabaseShape createAll, Engine engine) {
        List<SchemaDifference> differences = new ArrayList<>();
        createAll.tables().forEach((name, expected) -> {
            DatabaseShape.Table actual = migrated.tables().get(name);
            if (actual == null) {
                differences.add(new SchemaDifference(name, null, "MISSING_TABLE", "create_all creates it, the migrations do not"));
            } else {
                compareTable(actual, expected, engine, differences);
            }
        });
        migrated.tables().keySet().stream().filter(name -> !createAll.tables().containsKey(name)).forEach(name ->
                differences.add(new SchemaDifference(name, null, "UNMAPPED_TABLE", "the migrations create it, no entity maps it")));
        return differences;
    }

    private static void compareTable(DatabaseShape.Table actual, DatabaseShape.Table expected, Engine engine,
                                     List<SchemaDifference> differences) {
        String table = expected.name();
        expected.columns().forEach((name, column) -> {
            DatabaseShape.Column found = actual.columns().get(name);
            if (found == null) {
                differences.add(new SchemaDifference(table, name, "MISSING_COLUMN", "create_all: " + describe(column)));
                return;
            }
            String migratedType = type(found.type());
            String createAllType = type(column.type());
            if (!migratedType.equals(createAllType)) {
                differences.add(new SchemaDifference(table, name, "TYPE_MISMATCH",
                        "migrations " + found.type() + ", create_all " + column.type()));
            } else if (found.size() != column.size() && sized(createAllType) != null) {
                differences.add(new SchemaDifference(table, name, sized(createAllType),
                        "migrations " + describe(found) + ", create_all " + describe(column)));
            }
            boolean keyOnBothSides = actual.primaryKey().contains(name) && expected.primaryKey().contains(name);
            // a key column is never null, whatever the metadata says (SQLite reports INTEGER PRIMARY KEY as nullable)
            if (found.nullable() != column.nullable() && !keyOnBothSides) {
                differences.add(new SchemaDifference(table, name, "NULLABILITY_MISMATCH",
                        "migrations " + nullability(found) + ", create_all " + nullability(column)));
            }
        });
        actual.columns().keySet().stream().filter(name -> !expected.columns().containsKey(name)).forEach(name ->
                differences.add(new SchemaDifference(table, name, "UNMAPPED_COLUMN",
                        "migrations: " + describe(actual.columns().get(name)))));
        if (!actual.primaryKey().equals(expected.primaryKey())) {
            differences.add(new SchemaDifference(table, null, "PRIMARY_KEY_MISMATCH",
                    "migrations " + actual.primaryKey() + ", create_all " + expected.primaryKey()));
        }
        for (DatabaseShape.ForeignKey key : expected.foreignKeys()) {
            if (!actual.foreignKeys().contains(key)) {
                differences.add(new SchemaDifference(table, String.join(",", key.columns()), "MISSING_FOREIGN_KEY",
                        "create_all: " + key));
            }
        }
        if (engine != Engine.SQLITE) {
            for (DatabaseShape.ForeignKey key : actual.foreignKeys()) {
                if (!expected.foreignKeys().contains(key)) {
                    differences.add(new SchemaDifference(table, String.join(",", key.columns()), "EXTRA_FOREIGN_KEY",
                            "migrations: " + key));
                }
            }
        }
        compareIndexes(table, actual.indexes(), expected.indexes(), "MISSING", "create_all", differences);
        compareIndexes(table, expected.indexes(), actual.indexes(), "EXTRA", "migrations", differences);
    }

    private static void compareIndexes(String table, Set<DatabaseShape.Index> in, Set<DatabaseShape.Index> from,
                                       String prefix, String side, List<SchemaDifference> differences) {
        for (DatabaseShape.Index index : from) {
            if (!in.contains(index)) {
                String kind = prefix + (index.unique() ? "_UNIQUE_CONSTRAINT" : "_INDEX");
                differences.add(new SchemaDifference(table, String.join(",", index.columns()), kind,
                        side + ": " + (index.unique() ? "unique " : "") + "index on (" + String.join(", ", index.columns()) + ")"));
            }
        }
    }

    private static String type(String type) {
        String upper = type.toUpperCase(Locale.ROOT);
        return Objects.requireNonNullElse(SERIALS.get(upper), upper);
    }

    /** The kind of a size difference for this type, or null when the size is the type's own (integers, dates). */
    private static String sized(String type) {
        if (type.contains("CHAR") || type.contains("TEXT") || type.contains("BINARY") || type.contains("BIT")) {
            return "LENGTH_MISMATCH";
        }
        if (type.contains("NUMERIC") || type.contains("DECIMAL")) {
            return "PRECISION_MISMATCH";
        }
        return null;
    }

    private static String describe(DatabaseShape.Column column) {
        return column.type() + "(" + column.size() + ") " + nullability(column);
    }

    private static String nullability(DatabaseShape.Column column) {
        return column.nullable() ? "NULL" : "NOT NULL";
    }
}
