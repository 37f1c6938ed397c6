package io.github.dbtestkit.schema.internal.entities;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.TypeName;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ColumnType;
import org.apiguardian.api.API;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Chooses a field's Java type from a column's canonical type: the inverse of what Hibernate's dialects render, so
 * that the diff's type equivalence ({@code CanonicalType.canHold}, SQLite's affinities) accepts the column the type
 * came from. Unbounded text and binary data take the form each engine's dialect renders as that type again
 * ({@code @Lob} where a LOB is what the column is, a {@code Length.LONG32} length where it is {@code text} or
 * {@code bytea}); a type Java has no counterpart for keeps the column's own spelling as {@code columnDefinition}.
 *
 * <pre>{@code
 * MappedType t = JavaTypes.of(EngineKind.POSTGRESQL, column); // e.g. java.time.OffsetDateTime for timestamptz
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JavaTypes {

    /** Hibernate's {@code org.hibernate.Length.LONG32}: a length no engine's varchar reaches. */
    static final int LONG32 = Integer.MAX_VALUE;

    private JavaTypes() {
    }

    /** The Java side of this column on this engine. */
    public static MappedType of(EngineKind engine, ColumnModel column) {
        ColumnType type = column.type();
        return switch (type.type()) {
            case BOOLEAN -> MappedType.of(Boolean.class);
            case TINYINT -> MappedType.of(Byte.class);
            case SMALLINT -> MappedType.of(Short.class);
            // SQLite stores every INTEGER in up to 8 bytes (and INTEGER PRIMARY KEY is the 64-bit rowid).
            case INTEGER -> MappedType.of(engine == EngineKind.SQLITE ? Long.class : Integer.class);
            case BIGINT -> MappedType.of(Long.class);
            case DECIMAL -> new MappedType(TypeName.get(BigDecimal.class), null, type.precision(),
                    type.precision() == null ? null : type.scale(), false, false, null);
            case REAL -> MappedType.of(Float.class);
            case DOUBLE -> MappedType.of(Double.class);
            case CHAR, VARCHAR -> MappedType.of(String.class).withLength(type.length());
            case TEXT -> engine == EngineKind.H2
                    ? new MappedType(TypeName.get(String.class), null, null, null, true, false, null)
                    : MappedType.of(String.class).withLength(LONG32);
            case BINARY, VARBINARY -> bytes(null, false).withLength(type.length());
            case BLOB -> engine == EngineKind.H2 || isOid(type) ? bytes(null, true) : bytes(LONG32, false);
            case DATE -> MappedType.of(LocalDate.class);
            case TIME -> MappedType.of(LocalTime.class);
            case TIME_TZ -> MappedType.of(OffsetTime.class);
            case TIMESTAMP -> MappedType.of(LocalDateTime.class);
            case TIMESTAMP_TZ -> MappedType.of(OffsetDateTime.class);
            case UUID -> MappedType.of(UUID.class);
            case JSON -> new MappedType(TypeName.get(String.class), null, null, null, false, true, null);
            case INTERVAL -> MappedType.of(Duration.class);
            case OTHER -> new MappedType(TypeName.get(String.class), null, null, null, false, false, type.spelling());
        };
    }

    private static MappedType bytes(Integer length, boolean lob) {
        return new MappedType(ArrayTypeName.of(TypeName.BYTE), length, null, null, lob, false, null);
    }

    private static boolean isOid(ColumnType type) {
        return type.spelling().trim().toLowerCase(Locale.ROOT).equals("oid");
    }
}
