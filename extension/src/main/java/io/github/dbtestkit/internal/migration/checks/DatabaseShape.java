package io.github.dbtestkit.internal.migration.checks;

import io.github.dbtestkit.core.internal.migration.MigrationException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A schema as check 6 compares it, read from JDBC metadata: tables with their columns (type, size, nullability),
 * primary key, foreign keys and indexes. Names are lower-cased (H2 folds to upper case, PostgreSQL to lower); indexes
 * and foreign keys are identified by their columns, never by their names, which engines generate. The migration tools'
 * history tables and SQLite's internal tables are left out.
 *
 * <pre>{@code
 * DatabaseShape migrated = DatabaseShape.of(dataSource);
 * }</pre>
 *
 * @param tables by lower-case name, in name order
 */
record DatabaseShape(Map<String, Table> tables) {

    private static final Set<String> TOOL_TABLES = Set.of("flyway_schema_history", "databasechangelog",
            "databasechangeloglock");

    record Table(String name, Map<String, Column> columns, List<String> primaryKey, Set<ForeignKey> foreignKeys,
                 Set<Index> indexes) {
    }

    record Column(String name, String type, int size, boolean nullable) {
    }

    record ForeignKey(List<String> columns, String targetTable, List<String> targetColumns) {
        @Override
        public String toString() {
            return String.join(", ", columns) + " -> " + targetTable + "(" + String.join(", ", targetColumns) + ")";
        }
    }

    record Index(List<String> columns, boolean unique) {
    }

    static DatabaseShape of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            List<String> names = new ArrayList<>();
            try (ResultSet rows = metadata.getTables(catalog, schema, "%", new String[]{"TABLE", "BASE TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    if (!TOOL_TABLES.contains(lower(table)) && !lower(table).startsWith("sqlite_")) {
                        names.add(table);
                    }
                }
            }
            Map<String, Table> tables = new TreeMap<>();
            for (String name : names) {
                tables.put(lower(name), readTable(metadata, catalog, schema, name));
            }
            return new DatabaseShape(tables);
        } catch (SQLException e) {
            throw new MigrationException("Cannot read the schema to compare it: " + e.getMessage(), e);
        }
    }

    private static Table readTable(DatabaseMetaData metadata, String catalog, String schema, String table)
            throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rows = metadata.getColumns(catalog, schema, table, "%")) {
            while (rows.next()) {
                String name = lower(rows.getString("COLUMN_NAME"));
                columns.put(name, new Column(name, rows.getString("TYPE_NAME").toUpperCase(Locale.ROOT),
                        rows.getInt("COLUMN_SIZE"), rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        Map<Short, String> key = new TreeMap<>();
        try (ResultSet rows = metadata.getPrimaryKeys(catalog, schema, table)) {
            while (rows.next()) {
                key.put(rows.getShort("KEY_SEQ"), lower(rows.getString("COLUMN_NAME")));
            }
        }
        List<String> primaryKey = List.copyOf(key.values());
        Set<ForeignKey> foreignKeys = new LinkedHashSet<>();
        try (ResultSet rows = metadata.getImportedKeys(catalog, schema, table)) {
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            String target = null;
            while (rows.next()) {
                // KEY_SEQ 1 starts the next key: SQLite gives no names to tell keys apart
                if (rows.getShort("KEY_SEQ") == 1 && target != null) {
                    foreignKeys.add(new ForeignKey(List.copyOf(from), target, List.copyOf(to)));
                    from.clear();
                    to.clear();
                }
                target = lower(rows.getString("PKTABLE_NAME"));
                from.add(lower(rows.getString("FKCOLUMN_NAME")));
                to.add(lower(rows.getString("PKCOLUMN_NAME")));
            }
            if (target != null) {
                foreignKeys.add(new ForeignKey(List.copyOf(from), target, List.copyOf(to)));
            }
        }
        Map<String, Map<Short, String>> indexColumns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rows = metadata.getIndexInfo(catalog, schema, table, false, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    indexColumns.computeIfAbsent(index, k -> new TreeMap<>()).put(rows.getShort("ORDINAL_POSITION"), lower(column));
                    unique.put(index, !rows.getBoolean("NON_UNIQUE"));
                }
            }
        }
        Set<Index> indexes = new LinkedHashSet<>();
        indexColumns.forEach((name, cols) -> {
            Index index = new Index(List.copyOf(cols.values()), unique.get(name));
            // the primary key's own index is the engine's, not the schema author's
            if (!(index.unique() && index.columns().equals(primaryKey))) {
                indexes.add(index);
            }
        });
        return new Table(lower(table), columns, primaryKey, foreignKeys, indexes);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
