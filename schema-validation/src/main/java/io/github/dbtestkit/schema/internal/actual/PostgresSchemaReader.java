package io.github.dbtestkit.schema.internal.actual;

import io.github.dbtestkit.schema.internal.model.CheckModel;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.SequenceModel;
import io.github.dbtestkit.schema.internal.model.TypeNames;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Reads PostgreSQL's {@code pg_catalog}. {@code format_type} spells types as Hibernate's dialect does, which pgjdbc's
 * {@code DatabaseMetaData} does not ({@code bool} as BIT, {@code serial}, {@code timestamptz} as TIMESTAMP).
 */
final class PostgresSchemaReader implements ActualSchemaReader {

    private static final String KEY_COLUMNS = "ARRAY(SELECT a.attname::text FROM unnest(%s) WITH ORDINALITY k(num, ord)"
            + " JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.num ORDER BY k.ord)";

    @Override
    public SchemaModel read(Connection connection, Collection<String> otherSchemas) throws SQLException {
        Schemas schemas = new Schemas(connection.getSchema(), otherSchemas);
        TableBuilder.Tables tables = new TableBuilder.Tables();
        String in = " IN (" + schemas.placeholders() + ")";
        List<String> params = schemas.lowerCased();

        Catalog.query(connection, params, "SELECT n.nspname, c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND lower(n.nspname)" + in, rs ->
                tables.add(schemas.qualify(rs.getString(1), rs.getString(2))));

        Catalog.query(connection, params, "SELECT n.nspname, c.relname, a.attname,"
                + " format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef, a.attidentity,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attgenerated"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND lower(n.nspname)" + in
                + " ORDER BY n.nspname, c.relname, a.attnum", rs -> {
            TableBuilder table = tables.get(schemas.qualify(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            String identityKind = rs.getString(7);
            String defaultExpression = rs.getString(8);
            boolean identity = (identityKind != null && !identityKind.isBlank())
                    || (defaultExpression != null && defaultExpression.startsWith("nextval("));
            String generated = rs.getString(9);
            boolean hasDefault = identity || rs.getBoolean(6) || (generated != null && !generated.isBlank());
            table.columns.add(new ColumnModel(rs.getString(3), TypeNames.parse(rs.getString(4)), !rs.getBoolean(5),
                    hasDefault, identity, null));
        });

        Catalog.query(connection, params, "SELECT n.nspname, c.relname, con.conname, con.contype, "
                + KEY_COLUMNS.formatted("con.conkey", "con.conrelid") + ", fn.nspname, fc.relname, "
                + KEY_COLUMNS.formatted("con.confkey", "con.confrelid")
                + ", CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid) END"
                + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
                + " WHERE con.contype IN ('p', 'u', 'f', 'c') AND lower(n.nspname)" + in
                + " ORDER BY n.nspname, c.relname, con.conname", rs -> {
            TableBuilder table = tables.get(schemas.qualify(rs.getString(1), rs.getString(2)));
            if (table == null) {
                return;
            }
            List<String> columns = strings(rs.getArray(5));
            switch (rs.getString(4)) {
                case "p" -> table.primaryKey.addAll(columns);
                case "u" -> table.uniqueKeys.add(new KeyModel(rs.getString(3), columns, true));
                case "f" -> table.foreignKeys.add(new ForeignKeyModel(rs.getString(3), columns,
                        schemas.qualify(rs.getString(6), rs.getString(7)), strings(rs.getArray(8))));
                default -> table.checks.add(new CheckModel(rs.getString(3), checkExpression(rs.getString(9))));
            }
        });

        Catalog.query(connection, params, "SELECT n.nspname, t.relname, i.relname, ix.indisunique, "
                + KEY_COLUMNS.formatted("ix.indkey::int2[]", "ix.indrelid")
                + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE lower(n.nspname)" + in
                + " ORDER BY n.nspname, t.relname, i.relname", rs -> {
            TableBuilder table = tables.get(schemas.qualify(rs.getString(1), rs.getString(2)));
            if (table != null) {
                table.indexes.add(new KeyModel(rs.getString(3), strings(rs.getArray(5)), rs.getBoolean(4)));
            }
        });

        List<SequenceModel> sequences = new ArrayList<>();
        Catalog.query(connection, params, "SELECT n.nspname, c.relname, s.seqincrement FROM pg_sequence s"
                + " JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE lower(n.nspname)" + in, rs ->
                sequences.add(new SequenceModel(schemas.qualify(rs.getString(1), rs.getString(2)), rs.getLong(3))));
        return new SchemaModel(tables.build(), sequences);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } finally {
            array.free();
        }
    }

    /** {@code CHECK ((stock >= 0))} becomes {@code stock >= 0}. */
    static String checkExpression(String definition) {
        String text = definition == null ? "" : definition.trim();
        if (text.regionMatches(true, 0, "CHECK", 0, 5)) {
            text = text.substring(5).trim();
        }
        while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
            text = text.substring(1, text.length() - 1).trim();
        }
        return text;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
