package io.github.dbtestkit.internal.migration.checks;

/**
 * One way the migrated schema differs from create_all of the entities.
 *
 * <pre>{@code
 * SchemaDifference d = new SchemaDifference("orders", "quantity", "TYPE_MISMATCH", "migrations INTEGER, create_all BIGINT");
 * d.key(); // "orders.quantity: TYPE_MISMATCH"
 * }</pre>
 *
 * @param table  lower-case table name
 * @param column lower-case column name(s), comma-separated, or null for a table-level difference
 * @param kind   the kind, as {@link io.github.dbtestkit.AcceptedDifference} names it
 * @param detail what each side has
 */
record SchemaDifference(String table, String column, String kind, String detail) {

    /** How the difference is named in {@code @AcceptedDifference}: {@code table.column: KIND} or {@code table: KIND}. */
    String key() {
        return (column == null ? table : table + "." + column) + ": " + kind;
    }

    @Override
    public String toString() {
        return key() + " (" + detail + ")";
    }
}
