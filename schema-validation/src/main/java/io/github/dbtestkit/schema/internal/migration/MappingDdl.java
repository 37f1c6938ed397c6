package io.github.dbtestkit.schema.internal.migration;

import org.apiguardian.api.API;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.unique.AlterTableUniqueDelegate;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The DDL Hibernate's dialect writes for parts of a mapping, one statement at a time: a table with its keys, a column
 * to add, a column type to change, a foreign key, a unique key, an index, a sequence. Every type name comes from the
 * mapping ({@code Column.getSqlType(metadata)}) or the dialect's type registry, every ALTER prefix from the dialect.
 *
 * <pre>{@code
 * MappingDdl ddl = new MappingDdl(metadata);
 * List<String> create = ddl.createTable(ddl.table("posts").orElseThrow());
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MappingDdl {

    private final Metadata metadata;
    private final Dialect dialect;
    private final SqlStringGenerationContext context;

    /** The DDL of this metadata, in its dialect. */
    public MappingDdl(Metadata metadata) {
        this.metadata = metadata;
        this.dialect = metadata.getDatabase().getDialect();
        this.context = SqlStringGenerationContextImpl.fromExplicit(metadata.getDatabase().getJdbcEnvironment(),
                metadata.getDatabase(), null, null);
    }

    /** The dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** The mapped physical table of this name (as the database spells it, {@code schema.table} when qualified). */
    public Optional<Table> table(String name) {
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Table table : namespace.getTables()) {
                String qualified = table.getSchema() == null ? table.getName() : table.getSchema() + "." + table.getName();
                if (table.isPhysicalTable() && !table.isView() && qualified.equalsIgnoreCase(name)) {
                    return Optional.of(table);
                }
            }
        }
        return Optional.empty();
    }

    /** The mapped sequence of this name. */
    public Optional<Sequence> sequence(String name) {
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (Sequence sequence : namespace.getSequences()) {
                if (sequence.getName().getSequenceName().getText().equalsIgnoreCase(name)
                        || sequence.getName().render().equalsIgnoreCase(name)) {
                    return Optional.of(sequence);
                }
            }
        }
        return Optional.empty();
    }

    /** The table's name as DDL writes it. */
    public String tableName(Table table) {
        return context.format(table.getQualifiedTableName());
    }

    /** {@code CREATE TABLE} with the primary key, unique keys and, where the dialect has no ALTER, foreign keys. */
    public List<String> createTable(Table table) {
        List<String> statements = new ArrayList<>(Arrays.asList(
                dialect.getTableExporter().getSqlCreateStrings(table, metadata, context)));
        if (!canAddConstraints() && !statements.isEmpty() && !table.getForeignKeyCollection().isEmpty()) {
            // SQLite can declare foreign keys only inside CREATE TABLE, and its dialect exports none.
            String create = statements.get(0);
            int close = create.lastIndexOf(')');
            String inline = table.getForeignKeyCollection().stream().filter(this::exported)
                    .map(this::inlineForeignKey).collect(Collectors.joining(""));
            statements.set(0, create.substring(0, close) + inline + create.substring(close));
        }
        for (Index index : table.getIndexes().values()) {
            statements.addAll(Arrays.asList(dialect.getIndexExporter().getSqlCreateStrings(index, metadata, context)));
        }
        return statements;
    }

    /** Whether Hibernate creates this foreign key at all. */
    public boolean exported(ForeignKey fk) {
        return fk.isCreationEnabled() && fk.isPhysicalConstraint() && fk.getReferencedTable() != null;
    }

    /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}; empty when the dialect cannot add one (SQLite). */
    public List<String> addForeignKey(ForeignKey fk) {
        return Arrays.asList(dialect.getForeignKeyExporter().getSqlCreateStrings(fk, metadata, context));
    }

    /** The foreign key as a table constraint, for a commented-out rebuild or an inline declaration. */
    public String inlineForeignKey(ForeignKey fk) {
        Table referenced = fk.getReferencedTable();
        List<Column> target = fk.isReferenceToPrimaryKey() && referenced.getPrimaryKey() != null
                ? referenced.getPrimaryKey().getColumns() : fk.getReferencedColumns();
        return ", foreign key (" + names(fk.getColumns()) + ") references " + tableName(referenced) + " ("
                + names(target) + ")";
    }

    /** {@code ALTER TABLE ... ADD COLUMN}: the mapping's type and default, NOT NULL only when {@code notNull}. */
    public String addColumn(Table table, Column column, boolean notNull) {
        return dialect.getAlterTableString(tableName(table)) + " " + dialect.getAddColumnString() + " "
                + column.getQuotedName(dialect) + " " + columnDefinition(column, notNull)
                + dialect.getAddColumnSuffixString();
    }

    /** The column's type, default and nullability, in the dialect's order. */
    public String columnDefinition(Column column, boolean notNull) {
        String type = column.getSqlType(metadata);
        String defaultValue = column.getDefaultValue() == null ? "" : " default " + column.getDefaultValue();
        String nullability = notNull ? " not null" : dialect.getNullColumnString(type);
        return dialect.requiresNotNullBeforeDefault() ? type + nullability + defaultValue
                : type + defaultValue + nullability;
    }

    /** The mapping's SQL type of the column. */
    public String sqlType(Column column) {
        return column.getSqlType(metadata);
    }

    /** The dialect's name of a numeric type of this precision and scale. */
    public String numericType(int precision, int scale) {
        return metadata.getDatabase().getTypeConfiguration().getDdlTypeRegistry()
                .getTypeName(Types.NUMERIC, Size.precision(precision, scale));
    }

    /**
     * Whether the dialect can add a constraint to an existing table; SQLite's dialect has ALTER TABLE (to add columns
     * and rename) but says it has no syntax for adding a foreign key, and SQLite has none for any constraint.
     */
    public boolean canAddConstraints() {
        try {
            dialect.getAddForeignKeyConstraintString("fk", new String[] {"a"}, "t", new String[] {"b"}, true);
            return dialect.hasAlterTable();
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether the dialect can change a column's type in place. */
    public boolean canAlterColumnType() {
        return dialect.supportsAlterColumnType();
    }

    /** {@code ALTER TABLE ... ALTER COLUMN ... SET DATA TYPE} (or the dialect's spelling) to {@code type}. */
    public String alterColumnType(Table table, Column column, String type) {
        return dialect.getAlterTableString(tableName(table)) + " "
                + dialect.getAlterColumnTypeString(column.getQuotedName(dialect), type, type);
    }

    /**
     * {@code ALTER TABLE ... ALTER COLUMN ... SET NOT NULL} or {@code DROP NOT NULL}: standard SQL that H2 and
     * PostgreSQL accept and Hibernate's dialects do not spell; only ever written commented out.
     */
    public String alterNullability(String table, String column, boolean notNull) {
        return dialect.getAlterTableString(table) + " alter column " + column
                + (notNull ? " set not null" : " drop not null");
    }

    /** {@code ALTER TABLE ... ADD PRIMARY KEY (...)}: the standard clause, as Hibernate writes it inside CREATE TABLE. */
    public String addPrimaryKey(Table table) {
        return dialect.getAlterTableString(tableName(table)) + " add primary key ("
                + names(table.getPrimaryKey().getColumns()) + ")";
    }

    /**
     * A unique key on an existing table: {@code ALTER TABLE ... ADD CONSTRAINT ... UNIQUE} where the dialect can
     * alter tables, else a unique index (SQLite), which enforces the same and which schema validation counts.
     */
    public String addUniqueKey(UniqueKey key) {
        if (canAddConstraints()) {
            return new AlterTableUniqueDelegate(dialect).getAlterTableToAddUniqueKeyCommand(key, metadata, context);
        }
        Index index = new Index();
        index.setTable(key.getTable());
        index.setName(key.getName());
        index.setUnique(true);
        key.getColumns().forEach(index::addColumn);
        return String.join(";\n", dialect.getIndexExporter().getSqlCreateStrings(index, metadata, context));
    }

    /** {@code CREATE INDEX}. */
    public List<String> createIndex(Index index) {
        return Arrays.asList(dialect.getIndexExporter().getSqlCreateStrings(index, metadata, context));
    }

    /** {@code CREATE SEQUENCE} (a one-row table where the dialect has no sequences). */
    public List<String> createSequence(Sequence sequence) {
        return Arrays.asList(dialect.getSequenceExporter().getSqlCreateStrings(sequence, metadata, context));
    }

    /** {@code ALTER SEQUENCE ... INCREMENT BY}: standard SQL H2 and PostgreSQL accept. */
    public String alterSequenceIncrement(Sequence sequence) {
        return "alter sequence " + context.format(sequence.getName()) + " increment by " + sequence.getIncrementSize();
    }

    /** {@code DROP TABLE}, only ever written commented out. */
    public String dropTable(String table) {
        return dialect.getDropTableString(table);
    }

    /** {@code ALTER TABLE ... DROP COLUMN}, only ever written commented out. */
    public String dropColumn(String table, String column) {
        return dialect.getAlterTableString(table) + " drop column " + column;
    }

    /** {@code ALTER TABLE ... DROP CONSTRAINT}, only ever written commented out. */
    public String dropConstraint(String table, String constraint) {
        return dialect.getAlterTableString(table) + " drop constraint " + constraint;
    }

    private String names(List<Column> columns) {
        return columns.stream().map(c -> c.getQuotedName(dialect)).collect(Collectors.joining(", "));
    }
}
