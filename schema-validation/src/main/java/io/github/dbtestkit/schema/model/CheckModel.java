package io.github.dbtestkit.schema.model;

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
public record CheckModel(String name, String expression) {
}
