package io.github.dbtestkit.schema;

/**
 * What a {@link Difference} is about. Renderings name kinds by these constants, so they are stable.
 *
 * <pre>{@code
 * assertThat(report.differences()).extracting(Difference::kind).containsOnly(DifferenceKind.UNMAPPED_TABLE);
 * }</pre>
 */
public enum DifferenceKind {
    /** A mapped table does not exist. */
    MISSING_TABLE,
    /** A mapped column does not exist. */
    MISSING_COLUMN,
    /** A column's type cannot hold what the mapping stores. */
    TYPE_MISMATCH,
    /** A column's length differs from the mapping's. */
    LENGTH_MISMATCH,
    /** A column's precision or scale differs from the mapping's. */
    PRECISION_MISMATCH,
    /** A column's nullability differs from the mapping's. */
    NULLABILITY_MISMATCH,
    /** The primary key's columns differ from the mapped id. */
    PRIMARY_KEY_MISMATCH,
    /** A mapped foreign key is missing, matched by columns and referenced table. */
    MISSING_FOREIGN_KEY,
    /** A mapped unique constraint is missing, matched by column set. */
    MISSING_UNIQUE_CONSTRAINT,
    /** A mapped index is missing, matched by column set. */
    MISSING_INDEX,
    /** A mapped sequence is missing, or its increment differs from the generator's allocation size. */
    MISSING_SEQUENCE,
    /** A table exists that no entity maps. */
    UNMAPPED_TABLE,
    /** A column exists that no attribute maps. */
    UNMAPPED_COLUMN,
    /** A CHECK constraint exists that the model does not know. */
    UNMAPPED_CHECK_CONSTRAINT
}
