package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
/**
 * Groups canonical types whose values can move between each other; a column is compatible with a mapping only
 * within one family, and only when it is at least as wide.
 *
 * <pre>{@code
 * boolean sameFamily = CanonicalType.BIGINT.family() == TypeFamily.INTEGER;
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum TypeFamily {
    BOOLEAN, INTEGER, DECIMAL, FLOAT, STRING, BINARY, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID, JSON, INTERVAL, OTHER
}
