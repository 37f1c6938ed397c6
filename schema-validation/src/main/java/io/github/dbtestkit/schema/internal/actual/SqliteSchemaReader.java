package io.github.dbtestkit.schema.internal.actual;

import io.github.dbtestkit.schema.internal.model.CheckModel;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ColumnType;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.TypeNames;

import io.github.dbtestkit.core.internal.sql.SqlLexer;
import io.github.dbtestkit.core.internal.sql.SqlToken;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads SQLite's {@code sqlite_master} joined with the table-valued {@code pragma_table_info},
 * {@code pragma_foreign_key_list}, {@code pragma_index_list} and {@code pragma_index_info}: one query per kind for all
 * tables, with the declared type in full (sqlite-jdbc's metadata drops the {@code (…)} and coarsens the code).
 * CHECK constraints exist only in the table's SQL, so they are cut out of it. SQLite has no schemas here but the
 * main database, and no sequences.
 */
final class SqliteSchemaReader implements ActualSchemaReader {


    @Override
    public SchemaModel read(Connection connection, Collection<String> otherSchemas) throws SQLException {
        TableBuilder.Tables tables = new TableBuilder.Tables();
        Map<String, String> sql = new HashMap<>();
        Catalog.query(connection, List.of(), "SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", rs -> {
            tables.add(rs.getString(1));
            sql.put(rs.getString(1), rs.getString(2));
        });

        Map<String, TreeMap<Integer, String>> primaryKeys = new HashMap<>();
        Map<String, List<String[]>> rawColumns = new HashMap<>();
        Catalog.query(connection, List.of(), "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk"
                + " FROM sqlite_master m JOIN pragma_table_info(m.name) p"
                + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, p.cid", rs -> {
            String table = rs.getString(1);
            rawColumns.computeIfAbsent(table, t -> new ArrayList<>()).add(new String[] {
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
            int pk = rs.getInt(6);
            if (pk > 0) {
                primaryKeys.computeIfAbsent(table, t -> new TreeMap<>()).put(pk, rs.getString(2));
            }
        });
        rawColumns.forEach((tableName, columns) -> {
            TableBuilder table = tables.get(tableName);
            TreeMap<Integer, String> pk = primaryKeys.getOrDefault(tableName, new TreeMap<>());
            table.primaryKey.addAll(pk.values());
            for (String[] c : columns) {
                // INTEGER PRIMARY KEY (exactly that spelling) aliases the rowid: never null, generated when omitted.
                boolean rowid = pk.size() == 1 && !"0".equals(c[4]) && c[1] != null
                        && c[1].trim().equalsIgnoreCase("integer");
                ColumnType type = TypeNames.parse(c[1] == null ? "" : c[1]);
                boolean nullable = !rowid && "0".equals(c[2]);
                table.columns.add(new ColumnModel(c[0], type, nullable, rowid || c[3] != null, rowid, null));
            }
        });

        TableBuilder.Groups<List<String>> foreignKeys = new TableBuilder.Groups<>();
        Map<List<String>, List<String>> referencedColumns = new HashMap<>();
        Catalog.query(connection, List.of(), "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\""
                + " FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f"
                + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, f.id, f.seq", rs -> {
            List<String> key = List.of(rs.getString(1), rs.getString(2), rs.getString(3));
            foreignKeys.add(key, rs.getString(4));
            if (rs.getString(5) != null) {
                referencedColumns.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(5));
            }
        });
        foreignKeys.columns.forEach((key, columns) -> {
            List<String> referenced = referencedColumns.get(key);
            if (referenced == null) {
                // REFERENCES t without columns means t's primary key.
                referenced = primaryKeys.getOrDefault(key.get(2), new TreeMap<>()).values().stream().toList();
            }
            tables.get(key.get(0)).foreignKeys.add(new ForeignKeyModel(null, columns, key.get(2), referenced));
        });

        TableBuilder.Groups<List<String>> indexes = new TableBuilder.Groups<>();
        Catalog.query(connection, List.of(), "SELECT m.name, il.name, il.\"unique\", il.origin, ii.name"
                + " FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii"
                + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, il.name, ii.seqno", rs ->
                indexes.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getString(5)));
        indexes.columns.forEach((key, columns) -> {
            TableBuilder table = tables.get(key.get(0));
            boolean unique = "1".equals(key.get(2));
            table.indexes.add(new KeyModel(key.get(1), columns, unique));
            if (unique && !"pk".equals(key.get(3))) {
                table.uniqueKeys.add(new KeyModel(key.get(1), columns, true));
            }
        });

        sql.forEach((tableName, createSql) ->
                checks(createSql).forEach(check -> tables.get(tableName).checks.add(check)));
        return new SchemaModel(tables.build(), List.of());
    }

    /**
     * The CHECK constraints of a CREATE TABLE statement, column or table level, with their names if given. Read on
     * {@link SqlLexer}'s tokens, so a {@code check} in a comment, a string or a quoted identifier is none.
     */
    static List<CheckModel> checks(String createSql) {
        List<CheckModel> checks = new ArrayList<>();
        if (createSql == null) {
            return checks;
        }
        List<SqlToken> tokens = SqlLexer.tokens(createSql).stream().filter(SqlToken::significant).toList();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("check") || !tokens.get(i + 1).is('(')) {
                continue;
            }
            int close = closing(tokens, i + 1);
            if (close < 0) {
                break;
            }
            int from = tokens.get(i + 1).offset() + 1;
            int to = tokens.get(close).offset();
            String name = i >= 2 && tokens.get(i - 2).isWord("constraint") ? tokens.get(i - 1).identifier() : null;
            checks.add(new CheckModel(name, createSql.substring(from, to).trim()));
            i = close;
        }
        return checks;
    }

    /** The index of the {@code )} that closes the {@code (} at {@code open}, or -1. */
    private static int closing(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is('(')) {
                depth++;
            } else if (tokens.get(i).is(')') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
