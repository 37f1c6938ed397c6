package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;

import java.util.Comparator;
import java.util.List;

/**
 * What only the mapping knows of a column, for the rules that need more than its type and nullability: whether the
 * mapping quotes its name, which Bean Validation constraint makes it not-null, and the longest constant of an
 * {@code @Enumerated(STRING)} attribute stored in it. Columns read from a catalog carry {@link #NONE}.
 *
 * <pre>{@code
 * ColumnMapping facts = new ColumnMapping(false, "@NotBlank", List.of());
 * boolean byBeanValidation = facts.notNullConstraint() != null;
 * }</pre>
 *
 * @param quoted               whether the mapping quotes the column's name, so it must match the database's exactly
 * @param notNullConstraint    the Bean Validation annotation that makes the column not-null ({@code @NotNull},
 *                             {@code @NotEmpty}, {@code @NotBlank}) where the JPA mapping alone leaves it nullable,
 *                             else {@code null}
 * @param enumConstants        for an {@code @Enumerated(STRING)} attribute, the names of its enum's constants
 *                             (what Hibernate stores in the column), else empty
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ColumnMapping(boolean quoted, String notNullConstraint, List<String> enumConstants) {

    /** Nothing beyond the column's model: every column read from a catalog. */
    public static final ColumnMapping NONE = new ColumnMapping(false, null, List.of());

    /** Copies the list. */
    public ColumnMapping {
        enumConstants = enumConstants == null ? List.of() : List.copyOf(enumConstants);
    }

    /** The longest of {@link #enumConstants()}, the length the column must hold, or {@code null} without any. */
    public String longestEnumConstant() {
        return enumConstants.stream().max(Comparator.comparingInt(String::length)).orElse(null);
    }
}
