package io.github.dbtestkit.schema.internal.entities;

import com.palantir.javapoet.TypeName;
import org.apiguardian.api.API;

/**
 * The Java side of one column: the field's type and what {@code @Column}, {@code @Lob} and {@code @JdbcTypeCode} must
 * add so that Hibernate expects the column's type back.
 *
 * <pre>{@code
 * MappedType price = JavaTypes.of(EngineKind.H2, column); // BigDecimal, precision 10, scale 2
 * }</pre>
 *
 * @param javaType         the field's type
 * @param length           {@code @Column(length)}, or {@code null} to leave Hibernate's default
 * @param precision        {@code @Column(precision)}, or {@code null}
 * @param scale            {@code @Column(scale)}, or {@code null}
 * @param lob              whether the field carries {@code @Lob}
 * @param json             whether the field carries {@code @JdbcTypeCode(SqlTypes.JSON)}
 * @param columnDefinition {@code @Column(columnDefinition)} for a type Java has no counterpart for, else {@code null}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record MappedType(TypeName javaType, Integer length, Integer precision, Integer scale, boolean lob,
                         boolean json, String columnDefinition) {

    /** A plain type with no extra attributes. */
    static MappedType of(Class<?> type) {
        return new MappedType(TypeName.get(type), null, null, null, false, false, null);
    }

    MappedType withLength(Integer value) {
        return new MappedType(javaType, value, precision, scale, lob, json, columnDefinition);
    }
}
