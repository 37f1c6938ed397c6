package io.github.dbtestkit.schema.internal.entities;

import io.github.dbtestkit.schema.internal.model.CheckModel;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.schema.internal.model.SequenceModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import org.apiguardian.api.API;

import java.util.List;

/**
 * What one entity class will hold, decided from one table before any source is written: its name, its fields in
 * column order, its key, and the table-level facts ({@code @Table} constraints and indexes, CHECKs for a comment).
 *
 * <pre>{@code
 * EntityPlan products = EntityPlanner.plan(EngineKind.H2, schema).entities().get(0);
 * }</pre>
 *
 * @param table       the table
 * @param className   the class's simple name
 * @param fields      fields in column order; a relation sits at its first column
 * @param uniqueKeys  unique constraints for {@code @Table(uniqueConstraints)}, names kept only when chosen by a user
 * @param indexes     indexes for {@code @Table(indexes)}
 * @param checks      CHECK constraints, written as comments
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EntityPlan(TableModel table, String className, List<Field> fields, List<KeyModel> uniqueKeys,
                         List<KeyModel> indexes, List<CheckModel> checks) {

    /** Copies the lists. */
    public EntityPlan {
        fields = List.copyOf(fields);
        uniqueKeys = List.copyOf(uniqueKeys);
        indexes = List.copyOf(indexes);
        checks = List.copyOf(checks);
    }

    /** The {@code @Id} fields, in key order of the table's primary key. */
    public List<Basic> idFields() {
        return table.primaryKey().stream().map(pk -> fields.stream()
                .filter(f -> f instanceof Basic b && b.column().name().equalsIgnoreCase(pk))
                .map(Basic.class::cast).findFirst().orElseThrow()).toList();
    }

    /** Whether the key has more than one column, so an {@code @IdClass} is written too. */
    public boolean compositeKey() {
        return table.primaryKey().size() > 1;
    }

    /** The {@code @IdClass}'s simple name. */
    public String idClassName() {
        return className + "Id";
    }

    /** One field of the entity. */
    public sealed interface Field permits Basic, Relation {
        /** The field's name. */
        String name();
    }

    /** How the database fills an {@code @Id} column. */
    public enum Generation { NONE, IDENTITY, SEQUENCE }

    /**
     * A column mapped as a basic attribute.
     *
     * @param name       the field's name
     * @param column     the column
     * @param type       its Java side
     * @param id         whether it is (part of) the primary key
     * @param generation how the database fills it, for a single-column key
     * @param sequence   the sequence behind {@link Generation#SEQUENCE}, else {@code null}
     */
    public record Basic(String name, ColumnModel column, MappedType type, boolean id, Generation generation,
                        SequenceModel sequence) implements Field {
    }

    /**
     * A foreign key mapped as {@code @ManyToOne}.
     *
     * @param name              the field's name
     * @param foreignKey        the foreign key
     * @param target            the referenced entity's plan's class name
     * @param columns           the referencing columns, in key order
     * @param referencedColumns the referenced columns, matching {@code columns}
     * @param readOnly          whether the columns are written by other fields (key columns, or another foreign key),
     *                          so the join columns are {@code insertable = false, updatable = false}
     */
    public record Relation(String name, ForeignKeyModel foreignKey, String target, List<ColumnModel> columns,
                           List<String> referencedColumns, boolean readOnly) implements Field {

        /** Copies the lists. */
        public Relation {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        /** Whether the relation may be absent: every column accepts null. */
        public boolean optional() {
            return columns.stream().allMatch(ColumnModel::nullable);
        }
    }
}
