package io.github.dbtestkit.schema.internal.entities;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.diff.SchemaDiff;
import io.github.dbtestkit.schema.internal.model.CanonicalType;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.SequenceModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import io.github.dbtestkit.schema.internal.model.TypeFamily;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides, from the schema the catalog reader read, which tables become entities and what each one holds: key
 * fields first, then each foreign key as a {@code @ManyToOne} that writes its columns (or, when those columns are
 * also key columns or another foreign key's, a read-only one beside basic fields), then the other columns. Tables
 * that cannot be an entity without the round trip failing are left out with the reason.
 *
 * <pre>{@code
 * EntityPlanner.Plan plan = EntityPlanner.plan(EngineKind.POSTGRESQL, schema);
 * plan.skipped().forEach((table, why) -> System.out.println(table + ": " + why));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EntityPlanner {

    /** Names H2 gives constraints and indexes nobody named: not worth keeping in {@code @Table}. */
    private static final Pattern H2_GENERATED = Pattern.compile(
            "(?i)(CONSTRAINT_[0-9A-F]+|CONSTRAINT_INDEX_[0-9A-F]+|PRIMARY_KEY_[0-9A-F]+|.*_INDEX_[0-9A-F]+)");

    private final EngineKind engine;
    private final JavaNames names;
    private final SchemaModel schema;

    /**
     * @param entities the entities to write, in table name order
     * @param skipped  tables left out, each with the reason
     */
    public record Plan(List<EntityPlan> entities, Map<String, String> skipped) {

        /** Copies the collections. */
        public Plan {
            entities = List.copyOf(entities);
            skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }

    private EntityPlanner(EngineKind engine, SchemaModel schema) {
        this.engine = engine;
        this.names = new JavaNames(engine);
        this.schema = schema;
    }

    /** The plan for every table of the schema. */
    public static Plan plan(EngineKind engine, SchemaModel schema) {
        return new EntityPlanner(engine, schema).plan();
    }

    private Plan plan() {
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, TableModel> included = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (TableModel table : schema.tables()) {
            if (SchemaDiff.isBookkeeping(table.name())) {
                skipped.put(table.name(), "a migration tool's or the engine's own bookkeeping table");
            } else if (table.primaryKey().isEmpty()) {
                skipped.put(table.name(), "it has no primary key, and a JPA entity needs an identifier: add a primary"
                        + " key to the table, or map it by hand (for instance as an @ElementCollection of its parent)");
            } else {
                included.put(table.name(), table);
            }
        }
        Map<String, String> classNames = classNames(included.values());
        Map<String, SequenceModel> sequences = sequences(included.values());
        List<EntityPlan> plans = new ArrayList<>();
        for (TableModel table : included.values()) {
            plans.add(entity(table, classNames, included, sequences.get(TableModel.key(table.name()))));
        }
        return new Plan(plans, skipped);
    }

    private Map<String, String> classNames(java.util.Collection<TableModel> tables) {
        Map<String, String> byTable = new HashMap<>();
        Set<String> taken = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (TableModel table : tables) {
            byTable.put(TableModel.key(table.name()), unique(names.className(table.name()), taken));
        }
        return byTable;
    }

    /**
     * The sequence each table's single integer key draws from, found by the names Hibernate and DBAs give them
     * ({@code invoices_seq}, {@code invoice_seq}, {@code invoices_id_seq}); a sequence two tables could claim is
     * given to neither.
     */
    private Map<String, SequenceModel> sequences(java.util.Collection<TableModel> tables) {
        Map<String, List<String>> claims = new HashMap<>();
        Map<String, SequenceModel> byTable = new HashMap<>();
        for (TableModel table : tables) {
            if (table.primaryKey().size() != 1) {
                continue;
            }
            ColumnModel key = table.column(table.primaryKey().get(0)).orElseThrow();
            if (key.identity() || key.type().type().family() != TypeFamily.INTEGER || key.type().type() == CanonicalType.TINYINT) {
                continue;
            }
            for (String candidate : sequenceNames(table.name(), key.name())) {
                var sequence = schema.sequence(candidate);
                if (sequence.isPresent() && sequence.get().increment() > 0) {
                    claims.computeIfAbsent(TableModel.key(sequence.get().name()), k -> new ArrayList<>())
                            .add(TableModel.key(table.name()));
                    byTable.put(TableModel.key(table.name()), sequence.get());
                    break;
                }
            }
        }
        byTable.values().removeIf(s -> claims.get(TableModel.key(s.name())).size() > 1);
        return byTable;
    }

    private static List<String> sequenceNames(String table, String key) {
        List<String> stems = new ArrayList<>(List.of(table));
        String lower = table.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ies")) {
            stems.add(table.substring(0, table.length() - 3) + "y");
        } else if (lower.endsWith("s")) {
            stems.add(table.substring(0, table.length() - 1));
        }
        List<String> out = new ArrayList<>();
        for (String stem : stems) {
            out.add(stem + "_seq");
            out.add(stem + "_" + key + "_seq");
            out.add(stem + "_id_seq");
        }
        return out;
    }

    private EntityPlan entity(TableModel table, Map<String, String> classNames, Map<String, TableModel> included,
                              SequenceModel sequence) {
        Set<String> taken = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, EntityPlan.Basic> basics = new HashMap<>();
        Set<String> keyColumns = folded(table.primaryKey());
        // Field names of columns first, in table order, so a relation never takes a column's natural name.
        Map<String, String> columnFields = new HashMap<>();
        for (ColumnModel column : table.columns()) {
            columnFields.put(TableModel.key(column.name()), unique(names.fieldName(column.name()), taken));
        }
        for (ColumnModel column : table.columns()) {
            if (keyColumns.contains(TableModel.key(column.name()))) {
                basics.put(TableModel.key(column.name()), basic(table, column, columnFields, sequence));
            }
        }
        Set<String> claimed = new HashSet<>(keyColumns);
        List<EntityPlan.Relation> relations = new ArrayList<>();
        Set<String> relationNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        relationNames.addAll(taken);
        for (ForeignKeyModel fk : table.foreignKeys()) {
            TableModel target = included.get(fk.referencedTable());
            List<String> referenced = target == null ? null : referencedKey(fk, target);
            if (referenced == null || !sameTypes(table, fk.columns(), target, referenced)) {
                continue;
            }
            List<ColumnModel> columns = fk.columns().stream().map(c -> table.column(c).orElseThrow()).toList();
            boolean readOnly = fk.columns().stream().anyMatch(c -> claimed.contains(TableModel.key(c)));
            for (ColumnModel column : columns) {
                String key = TableModel.key(column.name());
                if (readOnly && !basics.containsKey(key)) {
                    basics.put(key, basic(table, column, columnFields, null));
                }
                claimed.add(key);
            }
            String name = unique(relationName(fk, classNames.get(TableModel.key(target.name()))), relationNames);
            relations.add(new EntityPlan.Relation(name, fk, classNames.get(TableModel.key(target.name())), columns,
                    referenced, readOnly));
        }
        for (ColumnModel column : table.columns()) {
            String key = TableModel.key(column.name());
            if (!claimed.contains(key)) {
                basics.put(key, basic(table, column, columnFields, null));
            }
        }
        List<EntityPlan.Field> fields = new ArrayList<>();
        for (ColumnModel column : table.columns()) {
            String key = TableModel.key(column.name());
            if (basics.containsKey(key)) {
                fields.add(basics.get(key));
            }
            relations.stream().filter(r -> TableModel.key(r.columns().get(0).name()).equals(key)).forEach(fields::add);
        }
        return new EntityPlan(table, classNames.get(TableModel.key(table.name())), fields, uniqueKeys(table),
                indexes(table), table.checks());
    }

    private EntityPlan.Basic basic(TableModel table, ColumnModel column, Map<String, String> fieldNames,
                                   SequenceModel sequence) {
        boolean id = folded(table.primaryKey()).contains(TableModel.key(column.name()));
        EntityPlan.Generation generation = EntityPlan.Generation.NONE;
        if (id && table.primaryKey().size() == 1) {
            if (column.identity() && column.type().type().family() == TypeFamily.INTEGER) {
                generation = EntityPlan.Generation.IDENTITY;
            } else if (sequence != null) {
                generation = EntityPlan.Generation.SEQUENCE;
            }
        }
        return new EntityPlan.Basic(fieldNames.get(TableModel.key(column.name())), column, JavaTypes.of(engine, column),
                id, generation, generation == EntityPlan.Generation.SEQUENCE ? sequence : null);
    }

    /** The referenced columns in the foreign key's order, when they are the target's primary key; else null. */
    private static List<String> referencedKey(ForeignKeyModel fk, TableModel target) {
        List<String> referenced = fk.referencedColumns().isEmpty() ? target.primaryKey() : fk.referencedColumns();
        if (referenced.size() != fk.columns().size() || !folded(referenced).equals(folded(target.primaryKey()))) {
            return null;
        }
        return referenced;
    }

    /** Hibernate types join columns after the target's key: only a foreign key of the same types round-trips. */
    private boolean sameTypes(TableModel table, List<String> columns, TableModel target, List<String> referenced) {
        for (int i = 0; i < columns.size(); i++) {
            var column = table.column(columns.get(i));
            var key = target.column(referenced.get(i));
            if (column.isEmpty() || key.isEmpty()) {
                return false;
            }
            MappedType mine = JavaTypes.of(engine, column.get());
            MappedType theirs = JavaTypes.of(engine, key.get());
            boolean lengthsMatter = engine != EngineKind.SQLITE;
            if (!mine.javaType().equals(theirs.javaType())
                    || (lengthsMatter && !Objects.equals(mine.length(), theirs.length()))
                    || !Objects.equals(mine.precision(), theirs.precision())
                    || !Objects.equals(mine.scale(), theirs.scale())
                    || !Objects.equals(mine.columnDefinition(), theirs.columnDefinition())) {
                return false;
            }
        }
        return true;
    }

    private String relationName(ForeignKeyModel fk, String targetClass) {
        if (fk.columns().size() == 1) {
            String column = fk.columns().get(0);
            String stripped = column.replaceFirst("(?i)_?id$", "");
            if (!stripped.isEmpty() && !stripped.equalsIgnoreCase(column)) {
                return names.fieldName(stripped);
            }
        }
        return Character.toLowerCase(targetClass.charAt(0)) + targetClass.substring(1);
    }

    private List<KeyModel> uniqueKeys(TableModel table) {
        Set<String> primaryKey = folded(table.primaryKey());
        Map<Set<String>, KeyModel> out = new LinkedHashMap<>();
        for (KeyModel key : table.uniqueKeys()) {
            if (!folded(key.columns()).equals(primaryKey)) {
                out.putIfAbsent(folded(key.columns()), new KeyModel(userName(key.name()), key.columns(), true));
            }
        }
        return List.copyOf(out.values());
    }

    private List<KeyModel> indexes(TableModel table) {
        Set<String> primaryKey = folded(table.primaryKey());
        Set<Set<String>> uniques = new HashSet<>();
        table.uniqueKeys().forEach(k -> uniques.add(folded(k.columns())));
        Set<Set<String>> seen = new HashSet<>();
        List<KeyModel> out = new ArrayList<>();
        for (KeyModel index : table.indexes()) {
            Set<String> columns = folded(index.columns());
            boolean backsKey = columns.equals(primaryKey) || (index.unique() && uniques.contains(columns));
            // H2 indexes every foreign key under a made-up name: the foreign key says it already.
            boolean backsForeignKey = userName(index.name()) == null && !index.unique()
                    && table.foreignKeys().stream().anyMatch(fk -> folded(fk.columns()).equals(columns));
            if (!backsKey && !backsForeignKey && !index.columns().isEmpty() && seen.add(columns)) {
                out.add(new KeyModel(userName(index.name()), index.columns(), index.unique()));
            }
        }
        return out;
    }

    /** The name, unless the engine made it up. */
    private String userName(String name) {
        if (name == null || name.toLowerCase(Locale.ROOT).startsWith("sqlite_autoindex")) {
            return null;
        }
        return engine == EngineKind.H2 && H2_GENERATED.matcher(name).matches() ? null : name;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }

    private static Set<String> folded(List<String> columns) {
        Set<String> out = new HashSet<>();
        columns.forEach(c -> out.add(TableModel.key(c)));
        return out;
    }
}
