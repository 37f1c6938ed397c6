package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import org.apiguardian.api.API;
import io.github.dbtestkit.schema.internal.actual.ActualSchemaReader;
import io.github.dbtestkit.schema.internal.diff.SchemaDiff;
import io.github.dbtestkit.schema.internal.expected.EntityClasses;
import io.github.dbtestkit.schema.internal.expected.ExpectedModels;
import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import org.hibernate.HibernateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.dbtestkit.schema.internal.build.SchemaSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares what Hibernate's mappings expect with what a live database has, collecting every difference in one pass.
 *
 * <pre>{@code
 * SchemaReport report = SchemaValidator.forEntities(Post.class, Comment.class).against(dataSource).validate();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SchemaValidator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaValidator.class);

    private final List<Class<?>> entities;
    private final List<String> packages;
    private final DataSource dataSource;
    private final HibernateProperties properties;

    private SchemaValidator(List<Class<?>> entities, List<String> packages, DataSource dataSource,
                            HibernateProperties properties) {
        this.entities = List.copyOf(entities);
        this.packages = List.copyOf(packages);
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** Validates these entity classes. */
    public static SchemaValidator forEntities(Class<?>... entities) {
        return new SchemaValidator(EntityClasses.requireEntities(Arrays.asList(entities),
                "SchemaValidator.forEntities(...)"), List.of(), null, HibernateProperties.NONE);
    }

    /** Validates every {@code @Entity} class found in these packages and their sub-packages. */
    public static SchemaValidator forPackages(String... packages) {
        if (packages.length == 0) {
            throw new IllegalArgumentException("No entity packages in SchemaValidator.forPackages(...):"
                    + " name at least one package that holds @Entity classes.");
        }
        return new SchemaValidator(List.of(), List.of(packages), null, HibernateProperties.NONE);
    }

    /** The database to compare against; its engine is detected from its metadata. */
    public SchemaValidator against(DataSource dataSource) {
        return new SchemaValidator(entities, packages, Objects.requireNonNull(dataSource, "dataSource"), properties);
    }

    /**
     * The Hibernate settings the application boots with, so the mapping is read as the application reads it: a
     * physical naming strategy ({@code hibernate.physical_naming_strategy}), an implicit one, a default schema, type
     * contributors. They override {@code hibernate.properties} on the class path, which Hibernate reads by itself;
     * calling this again replaces the settings given before.
     *
     * <pre>{@code
     * SchemaValidator.forPackages("com.acme.model")
     *         .withHibernateProperties(Map.of("hibernate.physical_naming_strategy",
     *                 "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl"))
     *         .against(dataSource).validate();
     * }</pre>
     *
     * <p>{@code dbtestkit.naming=spring-boot} stands for Spring Boot's naming (snake_case physical names and Boot's
     * join table names); explicitly given naming strategy keys win over it.
     *
     * @throws IllegalArgumentException for a blank key or a {@code null} value
     * @throws io.github.dbtestkit.core.ProvisioningException for a {@code dbtestkit.naming} value that names no preset
     */
    public SchemaValidator withHibernateProperties(Map<String, ?> properties) {
        return new SchemaValidator(entities, packages, dataSource,
                HibernateProperties.of(Objects.requireNonNull(properties, "properties"),
                        "SchemaValidator.withHibernateProperties(...)"));
    }

    /**
     * Checks the entities on embedded engines whose databases are built from the project's migrations, as
     * {@code @DatabaseTest(migrations)} reads them: {@code classpath:} (the default) or {@code filesystem:}, an
     * {@code {engine}} placeholder for per-engine scripts, a folder for Flyway or a changelog file for Liquibase.
     *
     * <pre>{@code
     * EngineReports reports = SchemaValidator.forEntities(User.class, Order.class)
     *         .againstMigrations("classpath:db/migration/{engine}", EngineKind.H2, EngineKind.POSTGRESQL)
     *         .validate();
     * }</pre>
     *
     * @throws IllegalArgumentException when no engine is named
     */
    public EngineValidation againstMigrations(String location, EngineKind... engines) {
        return EngineValidation.of(this, new SchemaSource.Migrations(Objects.requireNonNull(location, "location")),
                engines);
    }

    /**
     * Checks the entities on embedded engines whose databases are built by Hibernate's create_all from the same
     * entities: a sanity run (a mapping Hibernate itself cannot match on an engine shows here).
     *
     * <pre>{@code
     * EngineReports reports = SchemaValidator.forEntities(Post.class).againstCreateAll(EngineKind.SQLITE).validate();
     * }</pre>
     *
     * @throws IllegalArgumentException when no engine is named
     */
    public EngineValidation againstCreateAll(EngineKind... engines) {
        return EngineValidation.of(this, new SchemaSource.CreateAll(), engines);
    }

    /**
     * Checks the entities on embedded engines whose databases are built from plain DDL files (such as Spring's
     * {@code schema.sql}), run in order and split into statements as {@code @Sql} scripts are.
     *
     * <pre>{@code
     * EngineReports reports = SchemaValidator.forPackages("com.acme")
     *         .againstSchemaSql(List.of(Path.of("src/main/resources/schema.sql")), EngineKind.H2).validate();
     * }</pre>
     *
     * @throws IllegalArgumentException when no file or no engine is named
     */
    public EngineValidation againstSchemaSql(List<Path> files, EngineKind... engines) {
        if (Objects.requireNonNull(files, "files").isEmpty()) {
            throw new IllegalArgumentException("No schema files in againstSchemaSql(...): name at least one .sql file.");
        }
        return EngineValidation.of(this, new SchemaSource.SqlFiles(files), engines);
    }

    /** The entity classes: those given, or those found in the packages through {@code loader}. */
    List<Class<?>> entityClasses(ClassLoader loader) {
        return entities.isEmpty() ? EntityClasses.scan(packages, loader, "SchemaValidator.forPackages(...)") : entities;
    }

    /** The Hibernate settings given. */
    HibernateProperties properties() {
        return properties;
    }

    /**
     * Runs the comparison.
     *
     * @throws IllegalStateException when no data source was given, the engine is not supported, or the database
     *                               cannot be read
     * @throws IllegalArgumentException when the entities cannot be mapped
     */
    public SchemaReport validate() {
        if (dataSource == null) {
            throw new IllegalStateException("No database to validate against: call against(dataSource) before"
                    + " validate().");
        }
        List<Class<?>> classes = entities.isEmpty() ? EntityClasses.scan(packages, classLoader(),
                "SchemaValidator.forPackages(...)") : entities;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            ConnectedEngine connected = ConnectedEngine.of(meta);
            EngineKind engine = connected.engine();
            String url = connected.url();
            SchemaModel expected = readExpected(engine, meta, classes, properties);
            SchemaModel actual = ActualSchemaReader.of(engine).read(connection, otherSchemas(expected));
            SchemaDiff.Result result = new SchemaDiff(engine).compare(expected, actual);
            SchemaReport report = new SchemaReport(engine.displayName(), url, result.differences(), result.notes());
            LOG.info("Validated {} entities against {} {}: {} errors, {} warnings, {} notices", classes.size(),
                    engine.displayName(), url, report.differences(Severity.ERROR).size(),
                    report.differences(Severity.WARNING).size(), report.differences(Severity.INFO).size());
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's schema for validation: " + e.getMessage()
                    + " — check the DataSource's URL and credentials.", e);
        }
    }

    private static SchemaModel readExpected(EngineKind engine, DatabaseMetaData meta, List<Class<?>> classes,
                                            HibernateProperties properties) throws SQLException {
        try {
            return ExpectedModels.get(engine, meta.getDatabaseMajorVersion(), meta.getDatabaseMinorVersion(), classes,
                    properties);
        } catch (HibernateException e) {
            throw new IllegalArgumentException("Hibernate could not map the entities "
                    + classes.stream().map(Class::getSimpleName).toList() + ": " + e.getMessage(), e);
        }
    }

    /** Schemas the mapping names explicitly ({@code @Table(schema = "sales")}); the default one is always read. */
    private static Set<String> otherSchemas(SchemaModel expected) {
        Set<String> schemas = new LinkedHashSet<>();
        for (TableModel table : expected.tables()) {
            int dot = table.name().indexOf('.');
            if (dot > 0) {
                schemas.add(table.name().substring(0, dot));
            }
        }
        return schemas;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SchemaValidator.class.getClassLoader();
    }

    /** A JDBC URL fit for reports: user info and password parameters replaced by {@code ***}. */
    static String maskUrl(String url) {
        if (url == null) {
            return "unknown database";
        }
        return io.github.dbtestkit.core.Secrets.maskUrl(url);
    }
}
