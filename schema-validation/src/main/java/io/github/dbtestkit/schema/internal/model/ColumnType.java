package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
import java.util.Objects;

/**
 * A column's type after canonicalisation: the canonical type plus its length, precision and scale where they apply.
 *
 * <pre>{@code
 * ColumnType t = new ColumnType(CanonicalType.VARCHAR, "varchar(255)", 255, null, null);
 * }</pre>
 *
 * @param type      the canonical type
 * @param spelling  the engine's own spelling, for messages ({@code character varying(255)})
 * @param length    maximum length for bounded character or binary types, else {@code null}
 * @param precision numeric precision for {@code DECIMAL}, else {@code null} ({@code null} also means unbounded)
 * @param scale     numeric scale for {@code DECIMAL}, else {@code null}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ColumnType(CanonicalType type, String spelling, Integer length, Integer precision, Integer scale) {

    /** Checks the parts that are never absent. */
    public ColumnType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(spelling, "spelling");
    }
}
