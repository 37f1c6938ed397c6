package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
import java.util.Objects;

/**
 * One column of a {@link TableModel}.
 *
 * <pre>{@code
 * ColumnModel c = table.column("post_id").orElseThrow();
 * boolean optional = c.nullable();
 * }</pre>
 *
 * @param name       the column's name, as the database spells it (compared ignoring case unless the mapping quotes it)
 * @param type       its canonical type
 * @param nullable   whether it accepts null
 * @param hasDefault whether the database supplies a value when an insert leaves it out (default or identity)
 * @param identity   whether the database generates it (identity, serial, SQLite {@code INTEGER PRIMARY KEY})
 * @param attribute  on the mapping side, the entity attribute it stores ({@code Comment.post}), else {@code null}
 * @param mapping    on the mapping side, what only the mapping knows of it; {@link ColumnMapping#NONE} otherwise
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ColumnModel(String name, ColumnType type, boolean nullable, boolean hasDefault, boolean identity,
                          String attribute, ColumnMapping mapping) {

    /** Checks the parts that are never absent. */
    public ColumnModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        mapping = mapping == null ? ColumnMapping.NONE : mapping;
    }

    /** A column with nothing known beyond its model, as catalogs describe it. */
    public ColumnModel(String name, ColumnType type, boolean nullable, boolean hasDefault, boolean identity,
                       String attribute) {
        this(name, type, nullable, hasDefault, identity, attribute, ColumnMapping.NONE);
    }
}
