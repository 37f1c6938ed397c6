package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One table of a {@link SchemaModel}, with everything the diff compares.
 *
 * <pre>{@code
 * TableModel posts = model.table("posts").orElseThrow();
 * List<String> pk = posts.primaryKey();
 * }</pre>
 *
 * @param name        the table's name, as the database spells it
 * @param entity      on the mapping side, the entity (or collection role) stored here, else {@code null}
 * @param columns     columns, in table order
 * @param primaryKey  primary key columns, in key order; empty when there is none
 * @param foreignKeys foreign keys
 * @param uniqueKeys  unique constraints (on the database side, unique indexes count too)
 * @param indexes     indexes, unique or not
 * @param checks      CHECK constraints
 * @param quoted      on the mapping side, whether the mapping quotes the table's name, so it must match exactly
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TableModel(String name, String entity, List<ColumnModel> columns, List<String> primaryKey,
                         List<ForeignKeyModel> foreignKeys, List<KeyModel> uniqueKeys, List<KeyModel> indexes,
                         List<CheckModel> checks, boolean quoted) {

    /** Copies the lists. */
    public TableModel {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        uniqueKeys = List.copyOf(uniqueKeys);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
    }

    /** A table whose name is not quoted: every table read from a catalog. */
    public TableModel(String name, String entity, List<ColumnModel> columns, List<String> primaryKey,
                      List<ForeignKeyModel> foreignKeys, List<KeyModel> uniqueKeys, List<KeyModel> indexes,
                      List<CheckModel> checks) {
        this(name, entity, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks, false);
    }

    /** The column of this name, ignoring case. */
    public Optional<ColumnModel> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /** The name folded for matching: unquoted identifiers compare ignoring case on every supported engine. */
    public static String key(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }
}
