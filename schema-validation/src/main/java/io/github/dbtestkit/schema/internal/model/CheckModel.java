package io.github.dbtestkit.schema.internal.model;

import org.apiguardian.api.API;
/**
 * A CHECK constraint.
 *
 * <pre>{@code
 * new CheckModel("products_stock_check", "stock >= 0");
 * }</pre>
 *
 * @param name       the constraint's name; may be {@code null}
 * @param expression the condition, as the database prints it
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record CheckModel(String name, String expression) {
}
