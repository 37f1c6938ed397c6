package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
import java.util.List;

/**
 * A named set of columns: a primary key, a unique constraint, or an index (see {@link #unique()}).
 *
 * <pre>{@code
 * new KeyModel("uk_users_email", List.of("email"), true);
 * }</pre>
 *
 * @param name    the name, for messages only; may be {@code null}
 * @param columns the columns, in key order
 * @param unique  whether it enforces uniqueness
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record KeyModel(String name, List<String> columns, boolean unique) {

    /** Copies the list. */
    public KeyModel {
        columns = List.copyOf(columns);
    }
}
