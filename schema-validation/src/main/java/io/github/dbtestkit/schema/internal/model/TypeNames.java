package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a type as an engine or Hibernate spells it ({@code character varying(255)}, {@code int8},
 * {@code timestamp(6) with time zone}, {@code NUMERIC(10,2)}) into a {@link ColumnType}. One table serves every
 * engine: the spellings do not collide, and the compatibility rules live in the diff.
 *
 * <pre>{@code
 * ColumnType t = TypeNames.parse("numeric(10,2)"); // DECIMAL, precision 10, scale 2
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TypeNames {

    private static final Pattern PARAMS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\)");
    private static final Pattern ENUM = Pattern.compile("^enum\\s*\\(.*\\)$", Pattern.DOTALL);
    private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^']|'')*)'");

    private static final Map<String, CanonicalType> NAMES = Map.ofEntries(
            Map.entry("bool", CanonicalType.BOOLEAN),
            Map.entry("boolean", CanonicalType.BOOLEAN),
            Map.entry("tinyint", CanonicalType.TINYINT),
            Map.entry("smallint", CanonicalType.SMALLINT),
            Map.entry("int2", CanonicalType.SMALLINT),
            Map.entry("smallserial", CanonicalType.SMALLINT),
            Map.entry("serial2", CanonicalType.SMALLINT),
            Map.entry("int", CanonicalType.INTEGER),
            Map.entry("integer", CanonicalType.INTEGER),
            Map.entry("int4", CanonicalType.INTEGER),
            Map.entry("mediumint", CanonicalType.INTEGER),
            Map.entry("serial", CanonicalType.INTEGER),
            Map.entry("serial4", CanonicalType.INTEGER),
            Map.entry("bigint", CanonicalType.BIGINT),
            Map.entry("int8", CanonicalType.BIGINT),
            Map.entry("bigserial", CanonicalType.BIGINT),
            Map.entry("serial8", CanonicalType.BIGINT),
            Map.entry("numeric", CanonicalType.DECIMAL),
            Map.entry("decimal", CanonicalType.DECIMAL),
            Map.entry("number", CanonicalType.DECIMAL),
            Map.entry("decfloat", CanonicalType.DECIMAL),
            Map.entry("real", CanonicalType.REAL),
            Map.entry("float4", CanonicalType.REAL),
            Map.entry("float", CanonicalType.DOUBLE),
            Map.entry("float8", CanonicalType.DOUBLE),
            Map.entry("double", CanonicalType.DOUBLE),
            Map.entry("double precision", CanonicalType.DOUBLE),
            Map.entry("char", CanonicalType.CHAR),
            Map.entry("character", CanonicalType.CHAR),
            Map.entry("bpchar", CanonicalType.CHAR),
            Map.entry("nchar", CanonicalType.CHAR),
            Map.entry("varchar", CanonicalType.VARCHAR),
            Map.entry("character varying", CanonicalType.VARCHAR),
            Map.entry("nvarchar", CanonicalType.VARCHAR),
            Map.entry("varchar2", CanonicalType.VARCHAR),
            Map.entry("varchar_ignorecase", CanonicalType.VARCHAR),
            Map.entry("enum", CanonicalType.VARCHAR),
            Map.entry("text", CanonicalType.TEXT),
            Map.entry("clob", CanonicalType.TEXT),
            Map.entry("nclob", CanonicalType.TEXT),
            Map.entry("character large object", CanonicalType.TEXT),
            Map.entry("longvarchar", CanonicalType.TEXT),
            Map.entry("long varchar", CanonicalType.TEXT),
            Map.entry("longtext", CanonicalType.TEXT),
            Map.entry("mediumtext", CanonicalType.TEXT),
            Map.entry("binary", CanonicalType.BINARY),
            Map.entry("varbinary", CanonicalType.VARBINARY),
            Map.entry("binary varying", CanonicalType.VARBINARY),
            Map.entry("blob", CanonicalType.BLOB),
            Map.entry("bytea", CanonicalType.BLOB),
            Map.entry("oid", CanonicalType.BLOB),
            Map.entry("binary large object", CanonicalType.BLOB),
            Map.entry("longvarbinary", CanonicalType.BLOB),
            Map.entry("date", CanonicalType.DATE),
            Map.entry("time", CanonicalType.TIME),
            Map.entry("time without time zone", CanonicalType.TIME),
            Map.entry("time with time zone", CanonicalType.TIME_TZ),
            Map.entry("timetz", CanonicalType.TIME_TZ),
            Map.entry("timestamp", CanonicalType.TIMESTAMP),
            Map.entry("datetime", CanonicalType.TIMESTAMP),
            Map.entry("timestamp without time zone", CanonicalType.TIMESTAMP),
            Map.entry("timestamp with time zone", CanonicalType.TIMESTAMP_TZ),
            Map.entry("timestamptz", CanonicalType.TIMESTAMP_TZ),
            Map.entry("uuid", CanonicalType.UUID),
            Map.entry("json", CanonicalType.JSON),
            Map.entry("jsonb", CanonicalType.JSON),
            Map.entry("interval", CanonicalType.INTERVAL));

    private TypeNames() {
    }

    /** Parses a type spelling; unknown names become {@link CanonicalType#OTHER}, compared by spelling. */
    public static ColumnType parse(String spelling) {
        String raw = spelling == null ? "" : spelling.trim();
        String lower = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (ENUM.matcher(lower).matches()) {
            return new ColumnType(CanonicalType.VARCHAR, raw, null, null, null);
        }
        Integer first = null;
        Integer second = null;
        Matcher params = PARAMS.matcher(lower);
        if (params.find()) {
            first = Integer.valueOf(params.group(1));
            second = params.group(2) == null ? null : Integer.valueOf(params.group(2));
        }
        String name = PARAMS.matcher(lower).replaceAll("").replaceAll("\\s+", " ").trim();
        if (name.startsWith("interval")) {
            name = "interval";
        }
        CanonicalType type = NAMES.getOrDefault(name, CanonicalType.OTHER);
        if (type == CanonicalType.DOUBLE && name.equals("float") && first != null && first <= 24) {
            type = CanonicalType.REAL;
        }
        if (type.hasLength()) {
            return new ColumnType(type, raw, first, null, null);
        }
        if (type == CanonicalType.DECIMAL) {
            return new ColumnType(type, raw, null, first, first == null ? null : (second == null ? 0 : second));
        }
        return new ColumnType(type, raw, null, null, null);
    }

    /**
     * The values an {@code enum('A', 'B')} type accepts (H2's ENUM, MySQL's), in order; empty for any other type.
     * Values are single-quoted, with {@code ''} for a quote inside one.
     */
    public static List<String> enumValues(String spelling) {
        String raw = spelling == null ? "" : spelling.trim();
        if (!ENUM.matcher(raw.toLowerCase(Locale.ROOT)).matches()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        Matcher value = ENUM_VALUE.matcher(raw.substring(raw.indexOf('(') + 1, raw.lastIndexOf(')')));
        while (value.find()) {
            values.add(value.group(1).replace("''", "'"));
        }
        return List.copyOf(values);
    }

    /** An enum type's spelling, as {@link #enumValues(String)} reads it back. */
    public static String enumSpelling(List<String> values) {
        StringBuilder out = new StringBuilder("ENUM(");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append('\'').append(values.get(i).replace("'", "''")).append('\'');
        }
        return out.append(')').toString();
    }

    /** A spelling built from separate parts, as catalogs report them: {@code ("NUMERIC", null, 10, 2)}. */
    public static ColumnType of(String name, Integer length, Integer precision, Integer scale) {
        ColumnType bare = parse(name);
        if (bare.type().hasLength()) {
            return new ColumnType(bare.type(), length == null ? name : name + "(" + length + ")", length, null, null);
        }
        if (bare.type() == CanonicalType.DECIMAL && precision != null) {
            int s = scale == null ? 0 : scale;
            return new ColumnType(bare.type(), name + "(" + precision + "," + s + ")", null, precision, s);
        }
        return bare;
    }
}
