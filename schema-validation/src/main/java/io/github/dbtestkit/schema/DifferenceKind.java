package io.github.dbtestkit.schema;

import org.apiguardian.api.API;
/**
 * What a {@link Difference} is about. Renderings name kinds by these constants, so they are stable.
 *
 * <pre>{@code
 * assertThat(report.differences()).extracting(Difference::kind).containsOnly(DifferenceKind.UNMAPPED_TABLE);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum DifferenceKind {
    /** A mapped table does not exist. */
    MISSING_TABLE("missing-table"),
    /** A mapped column does not exist. */
    MISSING_COLUMN("missing-column"),
    /** A column's type cannot hold what the mapping stores. */
    TYPE_MISMATCH("type-mismatch"),
    /** A column's length differs from the mapping's. */
    LENGTH_MISMATCH("length-mismatch"),
    /** A column's precision or scale differs from the mapping's. */
    PRECISION_MISMATCH("precision-mismatch"),
    /** A column's nullability differs from the mapping's. */
    NULLABILITY_MISMATCH("nullability-mismatch"),
    /** The primary key's columns differ from the mapped id. */
    PRIMARY_KEY_MISMATCH("primary-key-mismatch"),
    /** A mapped foreign key is missing, matched by columns and referenced table. */
    MISSING_FOREIGN_KEY("missing-foreign-key"),
    /** A mapped unique constraint is missing, matched by column set. */
    MISSING_UNIQUE_CONSTRAINT("missing-unique-constraint"),
    /** A mapped index is missing, matched by column set. */
    MISSING_INDEX("missing-index"),
    /** A mapped sequence is missing, or its increment differs from the generator's allocation size. */
    MISSING_SEQUENCE("missing-sequence"),
    /** A table exists that no entity maps. */
    UNMAPPED_TABLE("unmapped-table"),
    /** A column exists that no attribute maps. */
    UNMAPPED_COLUMN("unmapped-column"),
    /** A CHECK constraint exists that the model does not know. */
    UNMAPPED_CHECK_CONSTRAINT("unmapped-check-constraint"),
    /**
     * A foreign key exists that the reference database lacks. Only {@link DatabaseComparator} reports it: a mapping
     * declares foreign keys only through associations, a reference database's catalog declares all of them.
     */
    UNMAPPED_FOREIGN_KEY("unmapped-foreign-key"),
    /** A unique constraint or unique index exists that the reference database lacks; only {@link DatabaseComparator}. */
    UNMAPPED_UNIQUE_CONSTRAINT("unmapped-unique-constraint"),
    /**
     * An index exists that the reference database lacks; only {@link DatabaseComparator}, since mappings seldom declare
     * the indexes a DBA adds.
     */
    UNMAPPED_INDEX("unmapped-index"),
    /** The mapping lets the database generate an id (IDENTITY) but the column has no identity, serial or default. */
    MISSING_IDENTITY("missing-identity");

    private final String rule;

    DifferenceKind(String rule) {
        this.rule = rule;
    }

    /**
     * The stable rule id of this kind, for configuration and renderings: {@code missing-foreign-key}. Kinds whose
     * severity depends on the direction of the difference refine it in {@link Difference#rule()}.
     */
    public String rule() {
        return rule;
    }
}
