package io.github.dbtestkit.schema.internal.actual;

import io.github.dbtestkit.schema.internal.model.CheckModel;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.CanonicalType;
import io.github.dbtestkit.schema.internal.model.ColumnType;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.SequenceModel;
import io.github.dbtestkit.schema.internal.model.TypeNames;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads H2 2.x's standard {@code INFORMATION_SCHEMA}, one query per view. The views are joined here rather than in
 * SQL: H2 joins its information-schema views row by row, which took half a second per join at 300 tables, while
 * each view alone reads in milliseconds.
 */
final class H2SchemaReader implements ActualSchemaReader {

    /** A constraint or index of one table: its kind and its columns in key order. */
    private record Key(String table, String name, String type, TreeMap<Integer, String> columns) {
    }

    @Override
    public SchemaModel read(Connection connection, Collection<String> otherSchemas) throws SQLException {
        Schemas schemas = new Schemas(connection.getSchema(), otherSchemas);
        List<String> params = schemas.lowerCased();
        String in = " IN (" + schemas.placeholders() + ")";
        TableBuilder.Tables tables = new TableBuilder.Tables();

        Catalog.query(connection, params, "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_TYPE = 'BASE TABLE' AND LOWER(TABLE_SCHEMA)" + in, rs ->
                tables.add(schemas.qualify(rs.getString(1), rs.getString(2))));

        // An ENUM column's values, which its catalog row lacks, keyed by schema, table and type identifier.
        Map<List<String>, List<String>> enumValues = new LinkedHashMap<>();
        Catalog.query(connection, params, "SELECT OBJECT_SCHEMA, OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME"
                + " FROM INFORMATION_SCHEMA.ENUM_VALUES WHERE OBJECT_TYPE = 'TABLE' AND LOWER(OBJECT_SCHEMA)" + in
                + " ORDER BY OBJECT_SCHEMA, OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL", rs ->
                enumValues.computeIfAbsent(List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                        k -> new ArrayList<>()).add(rs.getString(4)));

        Catalog.query(connection, params, "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE,"
                + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY,"
                + " DTD_IDENTIFIER FROM INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_SCHEMA)" + in
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION", rs -> {
            TableBuilder table = tables.get(schemas.qualify(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            List<String> values = "ENUM".equalsIgnoreCase(rs.getString(4))
                    ? enumValues.get(List.of(rs.getString(1), rs.getString(2), rs.getString(11))) : null;
            ColumnType type = values == null
                    ? TypeNames.of(rs.getString(4), integer(rs, 5), integer(rs, 6), integer(rs, 7))
                    : enumType(values);
            boolean identity = "YES".equalsIgnoreCase(rs.getString(10));
            table.columns.add(new ColumnModel(rs.getString(3), type, "YES".equalsIgnoreCase(rs.getString(8)),
                    identity || rs.getString(9) != null, identity, null));
        });

        Map<String, Key> constraints = new LinkedHashMap<>();
        Catalog.query(connection, params, "SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_SCHEMA, TABLE_NAME,"
                + " CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE LOWER(TABLE_SCHEMA)" + in, rs ->
                constraints.put(rs.getString(1) + "." + rs.getString(2), new Key(
                        schemas.qualify(rs.getString(3), rs.getString(4)), rs.getString(2), rs.getString(5),
                        new TreeMap<>())));
        Catalog.query(connection, List.of(), "SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, COLUMN_NAME,"
                + " ORDINAL_POSITION FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE", rs -> {
            Key key = constraints.get(rs.getString(1) + "." + rs.getString(2));
            if (key != null) {
                key.columns().put(rs.getInt(4), rs.getString(3));
            }
        });
        Map<String, String> referencedConstraint = new HashMap<>();
        Catalog.query(connection, params, "SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA,"
                + " UNIQUE_CONSTRAINT_NAME FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS"
                + " WHERE LOWER(CONSTRAINT_SCHEMA)" + in, rs ->
                referencedConstraint.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3) + "." + rs.getString(4)));
        Map<String, String> checkClauses = new HashMap<>();
        Catalog.query(connection, params, "SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, CHECK_CLAUSE"
                + " FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE LOWER(CONSTRAINT_SCHEMA)" + in, rs ->
                checkClauses.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3)));

        constraints.forEach((id, key) -> {
            TableBuilder table = tables.get(key.table());
            if (table == null) {
                return;
            }
            List<String> columns = List.copyOf(key.columns().values());
            switch (key.type()) {
                case "PRIMARY KEY" -> table.primaryKey.addAll(columns);
                case "UNIQUE" -> table.uniqueKeys.add(new KeyModel(key.name(), columns, true));
                case "FOREIGN KEY" -> {
                    Key target = constraints.get(referencedConstraint.get(id));
                    if (target != null) {
                        table.foreignKeys.add(new ForeignKeyModel(key.name(), columns, target.table(),
                                List.copyOf(target.columns().values())));
                    }
                }
                case "CHECK" -> {
                    if (checkClauses.containsKey(id)) {
                        table.checks.add(new CheckModel(key.name(), checkClauses.get(id)));
                    }
                }
                default -> {
                    // other constraint kinds are not compared
                }
            }
        });

        Map<String, Key> indexes = new LinkedHashMap<>();
        Catalog.query(connection, params, "SELECT INDEX_SCHEMA, INDEX_NAME, TABLE_SCHEMA, TABLE_NAME, INDEX_TYPE_NAME"
                + " FROM INFORMATION_SCHEMA.INDEXES WHERE LOWER(TABLE_SCHEMA)" + in, rs ->
                indexes.put(rs.getString(1) + "." + rs.getString(2), new Key(
                        schemas.qualify(rs.getString(3), rs.getString(4)), rs.getString(2),
                        String.valueOf(rs.getString(5)), new TreeMap<>())));
        Catalog.query(connection, params, "SELECT INDEX_SCHEMA, INDEX_NAME, COLUMN_NAME, ORDINAL_POSITION"
                + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE LOWER(TABLE_SCHEMA)" + in, rs -> {
            Key index = indexes.get(rs.getString(1) + "." + rs.getString(2));
            if (index != null) {
                index.columns().put(rs.getInt(4), rs.getString(3));
            }
        });
        indexes.values().forEach(index -> {
            TableBuilder table = tables.get(index.table());
            if (table != null) {
                boolean unique = index.type().contains("UNIQUE") || index.type().contains("PRIMARY");
                table.indexes.add(new KeyModel(index.name(), List.copyOf(index.columns().values()), unique));
            }
        });

        List<SequenceModel> sequences = new ArrayList<>();
        Catalog.query(connection, params, "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
                + " WHERE LOWER(SEQUENCE_SCHEMA)" + in, rs ->
                sequences.add(new SequenceModel(schemas.qualify(rs.getString(1), rs.getString(2)), rs.getLong(3))));

        return new SchemaModel(tables.build(), sequences);
    }

    /** An ENUM column as a bounded character type: its values, and the longest one as its length. */
    private static ColumnType enumType(List<String> values) {
        int longest = values.stream().mapToInt(String::length).max().orElse(0);
        return new ColumnType(CanonicalType.VARCHAR, TypeNames.enumSpelling(values), longest, null, null);
    }

    private static Integer integer(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() || value > Integer.MAX_VALUE ? null : (int) value;
    }
}
