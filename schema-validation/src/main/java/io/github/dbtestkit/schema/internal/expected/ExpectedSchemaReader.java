package io.github.dbtestkit.schema.internal.expected;

import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import org.apiguardian.api.API;
import io.github.dbtestkit.schema.internal.model.CheckModel;
import io.github.dbtestkit.schema.internal.model.ColumnMapping;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.ColumnType;
import io.github.dbtestkit.schema.internal.model.ForeignKeyModel;
import io.github.dbtestkit.schema.internal.model.KeyModel;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.SequenceModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import io.github.dbtestkit.schema.internal.model.TypeNames;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.mapping.Value;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what Hibernate's mappings expect of a database, for one engine, from Hibernate's boot metadata: no
 * connection, no annotation parsing of our own.
 *
 * <pre>{@code
 * SchemaModel expected = new ExpectedSchemaReader(EngineKind.POSTGRESQL, 17, 0).read(List.of(Post.class));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExpectedSchemaReader {

    private final EngineKind engine;
    private final int majorVersion;
    private final int minorVersion;
    private final HibernateProperties properties;

    /**
     * @param engine       the engine whose dialect renders the mapping's types
     * @param majorVersion the database's major version (dialects pick types by version), or 0 for the dialect's minimum
     * @param minorVersion the database's minor version
     */
    public ExpectedSchemaReader(EngineKind engine, int majorVersion, int minorVersion) {
        this(engine, majorVersion, minorVersion, HibernateProperties.NONE);
    }

    /** As {@link #ExpectedSchemaReader(EngineKind, int, int)}, with the application's Hibernate settings. */
    public ExpectedSchemaReader(EngineKind engine, int majorVersion, int minorVersion, HibernateProperties properties) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.majorVersion = majorVersion;
        this.minorVersion = minorVersion;
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** Builds Hibernate's metadata for these classes and reads the schema it describes. */
    public SchemaModel read(List<Class<?>> entities) {
        StandardServiceRegistry registry = registry(engine, majorVersion, minorVersion, properties.hibernateSettings(),
                entities.stream().map(Class::getClassLoader).filter(Objects::nonNull).distinct().toList());
        try {
            return read(metadata(registry, entities));
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /**
     * A service registry that renders types with the engine's dialect and never opens a connection.
     *
     * @param extra further settings, e.g. a naming strategy
     */
    public static StandardServiceRegistry registry(EngineKind engine, int majorVersion, int minorVersion,
                                                   Map<String, Object> extra) {
        return registry(engine, majorVersion, minorVersion, extra, List.of());
    }

    /**
     * As {@link #registry(EngineKind, int, int, Map)}, with class loaders Hibernate must also search: those of
     * entity classes loaded apart from dbtestkit (the CLI's, generated classes), since Hibernate resolves
     * associations' classes by name.
     */
    public static StandardServiceRegistry registry(EngineKind engine, int majorVersion, int minorVersion,
                                                   Map<String, Object> extra, List<ClassLoader> classLoaders) {
        BootstrapServiceRegistryBuilder bootstrap = new BootstrapServiceRegistryBuilder();
        classLoaders.forEach(bootstrap::applyClassLoader);
        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder(bootstrap.build())
                .applySettings(extra)
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("jakarta.persistence.validation.mode", "none");
        if (majorVersion > 0) {
            builder.applySetting("jakarta.persistence.database-product-name", engine.displayName())
                    .applySetting("jakarta.persistence.database-major-version", String.valueOf(majorVersion))
                    .applySetting("jakarta.persistence.database-minor-version", String.valueOf(minorVersion));
        }
        if (majorVersion <= 0 || engine == EngineKind.SQLITE) {
            // With a product name and version Hibernate resolves H2Dialect and PostgreSQLDialect itself (and warns
            // when they are named); SQLite's community dialect must be named.
            builder.applySetting("hibernate.dialect", engine.dialect());
        }
        return builder.build();
    }

    /** Hibernate's boot metadata for these classes. */
    public static Metadata metadata(StandardServiceRegistry registry, List<Class<?>> entities) {
        MetadataSources sources = new MetadataSources(registry);
        entities.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }

    /** Reads the schema described by already built metadata. */
    public SchemaModel read(Metadata metadata) {
        // Hibernate's Column and Table compare by name, so columns named id in two tables would collide.
        Map<Table, String> owners = new IdentityHashMap<>();
        Map<Column, String> attributes = new IdentityHashMap<>();
        label(metadata, owners, attributes);
        Map<Column, String> notNull = BeanValidationNotNull.columns(metadata);
        Map<Column, List<String>> enums = StringEnums.columns(metadata);

        List<TableModel> tables = new ArrayList<>();
        List<SequenceModel> sequences = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            String schema = namespace.getPhysicalName().schema() == null
                    ? null : namespace.getPhysicalName().schema().getText();
            for (Table table : namespace.getTables()) {
                if (table.isPhysicalTable() && !table.isView()) {
                    tables.add(table(metadata, table, schema, owners, attributes, notNull, enums));
                }
            }
            for (Sequence sequence : namespace.getSequences()) {
                sequences.add(new SequenceModel(qualified(schema, sequence.getName().getSequenceName().getText()),
                        sequence.getIncrementSize()));
            }
        }
        tables.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return new SchemaModel(tables, sequences);
    }

    private TableModel table(Metadata metadata, Table table, String schema, Map<Table, String> owners,
                             Map<Column, String> attributes, Map<Column, String> notNull,
                             Map<Column, List<String>> enums) {
        List<ColumnModel> columns = new ArrayList<>();
        for (Column column : table.getColumns()) {
            ColumnType type = TypeNames.parse(column.getSqlType(metadata));
            boolean hasDefault = column.getDefaultValue() != null || column.isIdentity()
                    || column.getGeneratedAs() != null;
            String notNullBy = column.isNullable() ? notNull.get(column) : null;
            boolean nullable = column.isNullable() && notNullBy == null;
            columns.add(new ColumnModel(column.getName(), type, nullable, hasDefault, column.isIdentity(),
                    attributes.get(column), new ColumnMapping(column.isQuoted(), notNullBy, enums.get(column))));
        }
        List<String> primaryKey = table.getPrimaryKey() == null
                ? List.of() : names(table.getPrimaryKey().getColumns());

        List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        for (ForeignKey fk : table.getForeignKeyCollection()) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint() || fk.getReferencedTable() == null) {
                continue;
            }
            Table referenced = fk.getReferencedTable();
            List<String> referencedColumns = fk.isReferenceToPrimaryKey() && referenced.getPrimaryKey() != null
                    ? names(referenced.getPrimaryKey().getColumns()) : names(fk.getReferencedColumns());
            String referencedSchema = referenced.getSchema();
            foreignKeys.add(new ForeignKeyModel(fk.getName(), names(fk.getColumns()),
                    qualified(referencedSchema, referenced.getName()), referencedColumns));
        }

        Map<Set<String>, KeyModel> uniques = new LinkedHashMap<>();
        for (UniqueKey uk : table.getUniqueKeys().values()) {
            if (!uk.isNameExplicit() && table.getPrimaryKey() != null
                    && Set.copyOf(names(uk.getColumns())).equals(Set.copyOf(primaryKey))) {
                continue;
            }
            uniques.putIfAbsent(folded(names(uk.getColumns())), new KeyModel(uk.getName(), names(uk.getColumns()), true));
        }
        for (Column column : table.getColumns()) {
            if (column.isUnique() && !table.isPrimaryKey(column)) {
                uniques.putIfAbsent(folded(List.of(column.getName())),
                        new KeyModel(null, List.of(column.getName()), true));
            }
        }
        List<KeyModel> indexes = new ArrayList<>();
        for (Index index : table.getIndexes().values()) {
            indexes.add(new KeyModel(index.getName(), names(index.getColumns()), index.isUnique()));
        }
        List<CheckModel> checks = new ArrayList<>();
        table.getChecks().forEach(c -> checks.add(new CheckModel(c.getName(), c.getConstraint())));
        for (Column column : table.getColumns()) {
            column.getCheckConstraints().forEach(c -> checks.add(new CheckModel(c.getName(), c.getConstraint())));
        }
        return new TableModel(qualified(schema, table.getName()), owners.get(table), columns, primaryKey,
                foreignKeys, List.copyOf(uniques.values()), indexes, checks, table.isQuoted());
    }

    /** Names each table after the entity or collection stored in it, and each column after its attribute. */
    private static void label(Metadata metadata, Map<Table, String> owners, Map<Column, String> attributes) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            String name = simpleName(entity);
            owners.putIfAbsent(entity.getTable(), name);
            if (entity.getIdentifierProperty() != null) {
                labelValue(entity.getIdentifierProperty().getValue(),
                        name + "." + entity.getIdentifierProperty().getName(), attributes);
            } else if (entity.getIdentifier() != null) {
                labelValue(entity.getIdentifier(), name + ".id", attributes);
            }
            if (entity.getDiscriminator() != null) {
                labelValue(entity.getDiscriminator(), name + " (discriminator)", attributes);
            }
            for (Property property : entity.getProperties()) {
                labelValue(property.getValue(), name + "." + property.getName(), attributes);
            }
            entity.getJoins().forEach(join -> {
                owners.putIfAbsent(join.getTable(), name);
                join.getProperties().forEach(p -> labelValue(p.getValue(), name + "." + p.getName(), attributes));
            });
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            String role = shortRole(collection);
            if (!collection.isOneToMany()) {
                owners.putIfAbsent(collection.getCollectionTable(), role);
                labelValue(collection.getElement(), role, attributes);
                if (collection instanceof org.hibernate.mapping.IndexedCollection indexed
                        && indexed.getIndex() != null) {
                    labelValue(indexed.getIndex(), role + " (index)", attributes);
                }
            }
            labelValue(collection.getKey(), role, attributes);
        }
    }

    private static void labelValue(Value value, String label, Map<Column, String> attributes) {
        if (value instanceof Component component) {
            for (Property property : component.getProperties()) {
                labelValue(property.getValue(), label + "." + property.getName(), attributes);
            }
            return;
        }
        for (Column column : value.getColumns()) {
            attributes.putIfAbsent(column, label);
        }
    }

    private static String shortRole(Collection collection) {
        String role = collection.getRole();
        String owner = collection.getOwner() == null ? null : simpleName(collection.getOwner());
        String property = role.substring(collection.getOwnerEntityName().length() + 1);
        return (owner == null ? role : owner) + "." + property;
    }

    private static String simpleName(PersistentClass entity) {
        String name = entity.getClassName() == null ? entity.getEntityName() : entity.getClassName();
        int dot = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        return name.substring(dot + 1);
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::getName).toList();
    }

    private static Set<String> folded(List<String> columns) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(columns);
        return set;
    }

    private static String qualified(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }
}
