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
 * @param name       the column's name, as the database spells it (case is compared ignoring case unless quoted)
 * @param type       its canonical type
 * @param nullable   whether it accepts null
 * @param hasDefault whether the database supplies a value when an insert leaves it out (default or identity)
 * @param identity   whether the database generates it (identity, serial, SQLite {@code INTEGER PRIMARY KEY})
 * @param attribute  on the mapping side, the entity attribute it stores ({@code Comment.post}), else {@code null}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ColumnModel(String name, ColumnType type, boolean nullable, boolean hasDefault, boolean identity,
                          String attribute) {

    /** Checks the parts that are never absent. */
    public ColumnModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
