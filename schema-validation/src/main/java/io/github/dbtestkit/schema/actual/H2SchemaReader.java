package io.github.dbtestkit.schema.actual;

import io.github.dbtestkit.schema.model.CheckModel;
import io.github.dbtestkit.schema.model.ColumnModel;
import io.github.dbtestkit.schema.model.ColumnType;
import io.github.dbtestkit.schema.model.ForeignKeyModel;
import io.github.dbtestkit.schema.model.KeyModel;
import io.github.dbtestkit.schema.model.SchemaModel;
import io.github.dbtestkit.schema.model.SequenceModel;
import io.github.dbtestkit.schema.model.TypeNames;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads H2 2.x's standard {@code INFORMATION_SCHEMA}, one query per kind of object. */
final class H2SchemaReader implements ActualSchemaReader {

    @Override
    public SchemaModel read(Connection connection, Collection<String> otherSchemas) throws SQLException {
        Schemas schemas = new Schemas(connection.getSchema(), otherSchemas);
        TableBuilder.Tables tables = new TableBuilder.Tables();
        String in = " IN (" + schemas.placeholders() + ")";

        Catalog.query(connection, schemas.lowerCased(), "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_TYPE = 'BASE TABLE' AND LOWER(TABLE_SCHEMA)" + in, rs ->
                tables.add(schemas.qualify(rs.getString(1), rs.getString(2))));

        Catalog.query(connection, schemas.lowerCased(), "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                + " NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_SCHEMA)" + in
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION", rs -> {
            TableBuilder table = tables.get(schemas.qualify(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            ColumnType type = TypeNames.of(rs.getString(4), integer(rs, 5), integer(rs, 6), integer(rs, 7));
            boolean identity = "YES".equalsIgnoreCase(rs.getString(10));
            table.columns.add(new ColumnModel(rs.getString(3), type, "YES".equalsIgnoreCase(rs.getString(8)),
                    identity || rs.getString(9) != null, identity, null));
        });

        Map<String, String[]> referenced = new HashMap<>();
        Map<String, List<String>> referencedColumns = new HashMap<>();
        Catalog.query(connection, schemas.lowerCased(), "SELECT rc.CONSTRAINT_SCHEMA, rc.CONSTRAINT_NAME, k.TABLE_SCHEMA, k.TABLE_NAME,"
                + " k.COLUMN_NAME FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
                + " WHERE LOWER(rc.CONSTRAINT_SCHEMA)" + in + " ORDER BY rc.CONSTRAINT_NAME, k.ORDINAL_POSITION", rs -> {
            String key = rs.getString(1) + "." + rs.getString(2);
            referenced.put(key, new String[] {rs.getString(3), rs.getString(4)});
            referencedColumns.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(5));
        });

        TableBuilder.Groups<List<String>> keys = new TableBuilder.Groups<>();
        Catalog.query(connection, schemas.lowerCased(), "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_SCHEMA, tc.CONSTRAINT_NAME,"
                + " tc.CONSTRAINT_TYPE, k.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + " WHERE tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') AND LOWER(tc.TABLE_SCHEMA)" + in
                + " ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION", rs ->
                keys.add(List.of(schemas.qualify(rs.getString(1), rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5)), rs.getString(6)));
        keys.columns.forEach((key, columns) -> {
            TableBuilder table = tables.get(key.get(0));
            if (table == null) {
                return;
            }
            switch (key.get(3)) {
                case "PRIMARY KEY" -> table.primaryKey.addAll(columns);
                case "UNIQUE" -> table.uniqueKeys.add(new KeyModel(key.get(2), columns, true));
                default -> {
                    String[] target = referenced.get(key.get(1) + "." + key.get(2));
                    if (target != null) {
                        table.foreignKeys.add(new ForeignKeyModel(key.get(2), columns,
                                schemas.qualify(target[0], target[1]),
                                referencedColumns.getOrDefault(key.get(1) + "." + key.get(2), List.of())));
                    }
                }
            }
        });

        Catalog.query(connection, schemas.lowerCased(), "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
                + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + " WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND LOWER(tc.TABLE_SCHEMA)" + in, rs -> {
            TableBuilder table = tables.get(schemas.qualify(rs.getString(1), rs.getString(2)));
            if (table != null) {
                table.checks.add(new CheckModel(rs.getString(3), rs.getString(4)));
            }
        });

        TableBuilder.Groups<List<String>> indexes = new TableBuilder.Groups<>();
        Catalog.query(connection, schemas.lowerCased(), "SELECT ic.TABLE_SCHEMA, ic.TABLE_NAME, ic.INDEX_NAME, i.INDEX_TYPE_NAME,"
                + " ic.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS ic JOIN INFORMATION_SCHEMA.INDEXES i"
                + " ON i.INDEX_SCHEMA = ic.INDEX_SCHEMA AND i.INDEX_NAME = ic.INDEX_NAME"
                + " WHERE LOWER(ic.TABLE_SCHEMA)" + in
                + " ORDER BY ic.TABLE_SCHEMA, ic.TABLE_NAME, ic.INDEX_NAME, ic.ORDINAL_POSITION", rs ->
                indexes.add(List.of(schemas.qualify(rs.getString(1), rs.getString(2)), rs.getString(3),
                        String.valueOf(rs.getString(4))), rs.getString(5)));
        indexes.columns.forEach((key, columns) -> {
            TableBuilder table = tables.get(key.get(0));
            if (table != null) {
                boolean unique = key.get(2).contains("UNIQUE") || key.get(2).contains("PRIMARY");
                table.indexes.add(new KeyModel(key.get(1), columns, unique));
            }
        });

        List<SequenceModel> sequences = new ArrayList<>();
        Catalog.query(connection, schemas.lowerCased(), "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
                + " WHERE LOWER(SEQUENCE_SCHEMA)" + in, rs ->
                sequences.add(new SequenceModel(schemas.qualify(rs.getString(1), rs.getString(2)), rs.getLong(3))));

        return new SchemaModel(tables.build(), sequences);
    }

    private static Integer integer(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() || value > Integer.MAX_VALUE ? null : (int) value;
    }
}
