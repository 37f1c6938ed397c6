package io.github.dbtestkit.schema.model;

/**
 * Groups canonical types whose values can move between each other; a column is compatible with a mapping only
 * within one family, and only when it is at least as wide.
 *
 * <pre>{@code
 * boolean sameFamily = CanonicalType.BIGINT.family() == TypeFamily.INTEGER;
 * }</pre>
 */
public enum TypeFamily {
    BOOLEAN, INTEGER, DECIMAL, FLOAT, STRING, BINARY, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID, JSON, INTERVAL, OTHER
}
