package io.github.dbtestkit.internal.migration;

import io.github.dbtestkit.core.internal.migration.Failures;
import io.github.dbtestkit.core.internal.migration.MigrationException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a migration check compares: the current schema's tables, views, columns (type, size, nullability), primary
 * keys, foreign keys and indexes, read from JDBC metadata, one readable line each. The migration tools' own history
 * tables and SQLite's internal tables ({@code sqlite_sequence}, which no rollback removes) are left out.
 * Deliberately small: the full comparison with entities lives in schema-validation.
 */
record SchemaSnapshot(SortedSet<String> lines) {

    private static final Set<String> TOOL_TABLES = Set.of("flyway_schema_history", "databasechangelog",
            "databasechangeloglock");

    static SchemaSnapshot of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            SortedSet<String> lines = new TreeSet<>();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = metadata.getTables(catalog, schema, "%", new String[]{"TABLE", "VIEW"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    if (!TOOL_TABLES.contains(lower(table)) && !lower(table).startsWith("sqlite_")) {
                        // H2 2.x says "BASE TABLE", the others "TABLE".
                        String type = rows.getString("TABLE_TYPE").toUpperCase(Locale.ROOT).contains("TABLE")
                                ? "table" : "view";
                        lines.add(type + " " + lower(table));
                        if (type.equals("table")) {
                            tables.add(table);
                        }
                    }
                }
            }
            for (String table : tables) {
                readTable(metadata, catalog, schema, table, lines);
            }
            return new SchemaSnapshot(lines);
        } catch (SQLException e) {
            throw new MigrationException("Cannot read the schema to compare it: " + Failures.flatten(e.getMessage()), e);
        }
    }

    private static void readTable(DatabaseMetaData metadata, String catalog, String schema, String table,
                                  SortedSet<String> lines) throws SQLException {
        String name = lower(table);
        try (ResultSet rows = metadata.getColumns(catalog, schema, table, "%")) {
            while (rows.next()) {
                lines.add("column " + name + "." + lower(rows.getString("COLUMN_NAME")) + " "
                        + rows.getString("TYPE_NAME").toUpperCase(Locale.ROOT) + "(" + rows.getInt("COLUMN_SIZE") + ")"
                        + (rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " NOT NULL" : " NULL"));
            }
        }
        Map<Short, String> keyColumns = new TreeMap<>();
        try (ResultSet rows = metadata.getPrimaryKeys(catalog, schema, table)) {
            while (rows.next()) {
                keyColumns.put(rows.getShort("KEY_SEQ"), lower(rows.getString("COLUMN_NAME")));
            }
        }
        if (!keyColumns.isEmpty()) {
            lines.add("primary key " + name + keyColumns.values());
        }
        try (ResultSet rows = metadata.getImportedKeys(catalog, schema, table)) {
            while (rows.next()) {
                lines.add("foreign key " + name + "." + lower(rows.getString("FKCOLUMN_NAME")) + " -> "
                        + lower(rows.getString("PKTABLE_NAME")) + "." + lower(rows.getString("PKCOLUMN_NAME")));
            }
        }
        Map<String, Map<Short, String>> indexes = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rows = metadata.getIndexInfo(catalog, schema, table, false, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    indexes.computeIfAbsent(lower(index), key -> new TreeMap<>())
                            .put(rows.getShort("ORDINAL_POSITION"), lower(column));
                    unique.put(lower(index), !rows.getBoolean("NON_UNIQUE"));
                }
            }
        }
        // By columns, never by name: engines generate names that change when a table is created again.
        indexes.forEach((index, columns) -> lines.add((unique.get(index) ? "unique index " : "index ")
                + name + columns.values()));
    }

    /** Lines only here ("+") and only in {@code other} ("-"), for a message. */
    List<String> differencesFrom(SchemaSnapshot other) {
        List<String> differences = new ArrayList<>();
        lines.stream().filter(line -> !other.lines.contains(line)).forEach(line -> differences.add("+ " + line));
        other.lines.stream().filter(line -> !lines.contains(line)).forEach(line -> differences.add("- " + line));
        return differences;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
