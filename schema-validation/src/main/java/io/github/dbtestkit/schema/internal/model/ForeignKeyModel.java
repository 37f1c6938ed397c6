package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key: its columns and the table they reference. Compared by columns and referenced table, never by name.
 *
 * <pre>{@code
 * new ForeignKeyModel("fk_comment_post", List.of("post_id"), "posts", List.of("id"));
 * }</pre>
 *
 * @param name              the constraint's name, for messages only; may be {@code null}
 * @param columns           the referencing columns, in key order
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns, in key order (may be empty when unknown)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ForeignKeyModel(String name, List<String> columns, String referencedTable,
                              List<String> referencedColumns) {

    /** Copies the lists. */
    public ForeignKeyModel {
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
    }
}
