package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.TableModel;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** How findings name tables, columns and the attributes behind them, and how column lists compare (ignoring case). */
final class Labels {

    private Labels() {
    }

    static boolean inPrimaryKey(TableModel table, String column) {
        return table.primaryKey().stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    static Set<String> folded(Collection<String> columns) {
        Set<String> set = new TreeSet<>();
        columns.forEach(c -> set.add(c.toLowerCase(Locale.ROOT)));
        return set;
    }

    static String owner(TableModel table) {
        return table.entity() == null ? "" : " (" + table.entity() + ")";
    }

    static String columnLabel(TableModel table, ColumnModel column) {
        return table.name() + "." + column.name() + (column.attribute() == null ? "" : " (" + column.attribute() + ")");
    }

    static String attributes(TableModel table, List<String> columns) {
        List<String> names = columns.stream().map(table::column).flatMap(Optional::stream)
                .map(ColumnModel::attribute).filter(Objects::nonNull).distinct().toList();
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }

    /** Text compared ignoring case, blanks, parentheses and identifier quotes. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s()\"`]", "");
    }
}
