package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
/**
 * An engine-neutral column type. Each engine's spelling ({@code int8}, {@code BIGINT}, {@code bigserial}) maps to one
 * of these; {@link #rank()} orders the members of a {@link TypeFamily} from narrow to wide.
 *
 * <pre>{@code
 * boolean widens = CanonicalType.BIGINT.canHold(CanonicalType.INTEGER); // true
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum CanonicalType {
    BOOLEAN(TypeFamily.BOOLEAN, 0),
    TINYINT(TypeFamily.INTEGER, 0),
    SMALLINT(TypeFamily.INTEGER, 1),
    INTEGER(TypeFamily.INTEGER, 2),
    BIGINT(TypeFamily.INTEGER, 3),
    DECIMAL(TypeFamily.DECIMAL, 0),
    REAL(TypeFamily.FLOAT, 0),
    DOUBLE(TypeFamily.FLOAT, 1),
    CHAR(TypeFamily.STRING, 0),
    VARCHAR(TypeFamily.STRING, 0),
    /** Unbounded character data: {@code text}, {@code clob}, {@code character large object}. */
    TEXT(TypeFamily.STRING, 1),
    BINARY(TypeFamily.BINARY, 0),
    VARBINARY(TypeFamily.BINARY, 0),
    /** Unbounded binary data: {@code bytea}, {@code blob}, {@code binary large object}, PostgreSQL {@code oid}. */
    BLOB(TypeFamily.BINARY, 1),
    DATE(TypeFamily.DATE, 0),
    TIME(TypeFamily.TIME, 0),
    TIME_TZ(TypeFamily.TIME, 1),
    TIMESTAMP(TypeFamily.TIMESTAMP, 0),
    TIMESTAMP_TZ(TypeFamily.TIMESTAMP_TZ, 0),
    UUID(TypeFamily.UUID, 0),
    JSON(TypeFamily.JSON, 0),
    INTERVAL(TypeFamily.INTERVAL, 0),
    /** A type this table does not know; compared by its spelling. */
    OTHER(TypeFamily.OTHER, 0);

    private final TypeFamily family;
    private final int rank;

    CanonicalType(TypeFamily family, int rank) {
        this.family = family;
        this.rank = rank;
    }

    /** The family whose members can hold each other's values when wide enough. */
    public TypeFamily family() {
        return family;
    }

    /** Width within the family: a higher rank holds every value of a lower one. */
    public int rank() {
        return rank;
    }

    /** Whether a column of this type holds every value of {@code mapped}; lengths and precision are checked apart. */
    public boolean canHold(CanonicalType mapped) {
        return family == mapped.family && family != TypeFamily.OTHER && rank >= mapped.rank;
    }

    /** Whether lengths apply to this type (bounded character or binary data). */
    public boolean hasLength() {
        return this == CHAR || this == VARCHAR || this == BINARY || this == VARBINARY;
    }
}
