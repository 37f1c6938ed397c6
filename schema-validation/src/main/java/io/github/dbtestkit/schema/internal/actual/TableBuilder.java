package io.github.dbtestkit.schema.internal.actual;

import io.github.dbtestkit.schema.internal.model.CheckModel;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.TableModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the rows of catalog queries, which arrive grouped by kind rather than by table, into tables. */
final class TableBuilder {

    final String name;
    final List<ColumnModel> columns = new ArrayList<>();
    final List<String> primaryKey = new ArrayList<>();
    final List<ForeignKeyModel> foreignKeys = new ArrayList<>();
    final List<KeyModel> uniqueKeys = new ArrayList<>();
    final List<KeyModel> indexes = new ArrayList<>();
    final List<CheckModel> checks = new ArrayList<>();

    private TableBuilder(String name) {
        this.name = name;
    }

    TableModel build() {
        return new TableModel(name, null, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks);
    }

    /**
     * Tables by their exact name, in name order ignoring case. Two tables whose names differ only in case are two
     * tables (a quoted {@code "UserSettings"} beside a folded {@code usersettings} on PostgreSQL); a row that names a
     * table in another case than the catalog does (SQLite keeps the case a foreign key was written in) finds the
     * table ignoring case when no name matches exactly.
     */
    static final class Tables {
        private final Map<String, TableBuilder> byName =
                new TreeMap<>(String.CASE_INSENSITIVE_ORDER.thenComparing(java.util.Comparator.naturalOrder()));

        TableBuilder add(String name) {
            return byName.computeIfAbsent(name, TableBuilder::new);
        }

        /** The table, or {@code null} for rows of tables we do not read (views, other schemas). */
        TableBuilder get(String name) {
            TableBuilder exact = byName.get(name);
            if (exact != null) {
                return exact;
            }
            return byName.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        List<TableModel> build() {
            return byName.values().stream().map(TableBuilder::build).toList();
        }
    }

    /** Groups ordered (group, column) rows into column lists, keeping first-seen order. */
    static final class Groups<K> {
        final Map<K, List<String>> columns = new LinkedHashMap<>();

        void add(K key, String column) {
            columns.computeIfAbsent(key, k -> new ArrayList<>()).add(column);
        }
    }
}
