package io.github.dbtestkit.schema.tools;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.schema.internal.actual.ActualSchemaReader;
import io.github.dbtestkit.schema.internal.expected.EntityClasses;
import io.github.dbtestkit.schema.internal.expected.ExpectedSchemaReader;
import io.github.dbtestkit.schema.internal.migration.Change;
import io.github.dbtestkit.schema.internal.migration.FlywayHistory;
import io.github.dbtestkit.schema.internal.migration.MappingDdl;
import io.github.dbtestkit.schema.internal.migration.MigrationPlanner;
import io.github.dbtestkit.schema.internal.migration.ScriptRenderer;
import io.github.dbtestkit.schema.internal.model.SchemaModel;
import org.apiguardian.api.API;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the migration that brings a database to the entities, like Alembic's autogenerate: the differences of a
 * schema report become Hibernate-dialect DDL (tables with their keys, columns, wider types, foreign keys, unique keys,
 * indexes, sequences). It never drops, narrows or converts on its own: such steps are written commented out behind a
 * {@code -- WARNING:} line, for a person to decide. See docs/generate-migration.md.
 *
 * <pre>{@code
 * MigrationScript script = MigrationGenerator.forEntities(Post.class, Comment.class)
 *         .withHibernateProperties(Map.of("hibernate.physical_naming_strategy", "…"))
 *         .against(dataSource)
 *         .flyway("add_phone");                      // V<next>__add_phone.sql
 * script.writeTo(Path.of("src/main/resources/db/migration"));
 * }</pre>
 *
 * <p>The database comes as a {@link DataSource}, its engine detected from its metadata, so a database dbtestkit built
 * itself (from migrations, without a server) serves as well as a live one.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MigrationGenerator {

    /** The name when none is given. */
    public static final String DEFAULT_NAME = "fix_schema_drift";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");
    private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final List<Class<?>> entities;
    private final List<String> packages;
    private final Map<String, ?> properties;
    private final DataSource dataSource;
    private final String version;
    private final Clock clock;

    private MigrationGenerator(List<Class<?>> entities, List<String> packages, Map<String, ?> properties,
                               DataSource dataSource, String version, Clock clock) {
        this.entities = entities;
        this.packages = packages;
        this.properties = properties;
        this.dataSource = dataSource;
        this.version = version;
        this.clock = clock;
    }

    /** A migration to these entity classes. */
    public static MigrationGenerator forEntities(Class<?>... entities) {
        return new MigrationGenerator(List.copyOf(EntityClasses.requireEntities(Arrays.asList(entities),
                "MigrationGenerator.forEntities(...)")), List.of(), Map.of(), null, null, Clock.systemUTC());
    }

    /** A migration to every {@code @Entity} class in these packages and their sub-packages. */
    public static MigrationGenerator forPackages(String... packages) {
        if (packages.length == 0) {
            throw new IllegalArgumentException("No entity packages in MigrationGenerator.forPackages(...): name at"
                    + " least one package that holds @Entity classes.");
        }
        return new MigrationGenerator(List.of(), List.of(packages), Map.of(), null, null, Clock.systemUTC());
    }

    /** The Hibernate settings the application boots with, as for {@link SchemaValidator#withHibernateProperties}. */
    public MigrationGenerator withHibernateProperties(Map<String, ?> properties) {
        HibernateProperties.of(Objects.requireNonNull(properties, "properties"));
        return new MigrationGenerator(entities, packages, Map.copyOf(properties), dataSource, version, clock);
    }

    /** The database to bring to the entities; its engine is detected from its metadata. */
    public MigrationGenerator against(DataSource dataSource) {
        return new MigrationGenerator(entities, packages, properties, Objects.requireNonNull(dataSource, "dataSource"),
                version, clock);
    }

    /**
     * The version to give the migration, e.g. {@code 3} or {@code 2.1}. Without it a Flyway migration takes one above
     * the highest version in the database's {@code flyway_schema_history}, and otherwise (and a Liquibase changeset
     * always) the UTC time as {@code yyyyMMddHHmmss}.
     *
     * @throws IllegalArgumentException when it is not digits separated by {@code .} or {@code _}
     */
    public MigrationGenerator withVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("Migration version '" + version + "' is not a version: use digits,"
                    + " optionally separated by '.' or '_' (3, 2.1, 20240501120000).");
        }
        return new MigrationGenerator(entities, packages, properties, dataSource, version, clock);
    }

    /** With this clock for the timestamp version, for tests. */
    MigrationGenerator withClock(Clock clock) {
        return new MigrationGenerator(entities, packages, properties, dataSource, version, clock);
    }

    /** A Flyway SQL migration {@code V<version>__<name>.sql}. */
    public MigrationScript flyway(String name) {
        return generate(MigrationTool.FLYWAY, name);
    }

    /** A Liquibase formatted SQL changelog {@code <version>-<name>.sql} with one changeset. */
    public MigrationScript liquibase(String name) {
        return generate(MigrationTool.LIQUIBASE, name);
    }

    /**
     * Compares the entities with the database and writes the migration that fixes what it can.
     *
     * @param name letters, digits and {@code _}, e.g. {@code add_phone}
     * @throws IllegalArgumentException for a bad name, or entities Hibernate cannot map
     * @throws IllegalStateException    when no data source was given or the database cannot be read
     */
    public MigrationScript generate(MigrationTool tool, String name) {
        Objects.requireNonNull(tool, "tool");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Migration name '" + name + "' must be letters, digits and '_', starting"
                    + " with a letter or digit, e.g. add_phone.");
        }
        if (dataSource == null) {
            throw new IllegalStateException("No database to generate a migration for: call against(dataSource)"
                    + " before " + tool.name().toLowerCase(java.util.Locale.ROOT) + "(...).");
        }
        List<Class<?>> classes = entities.isEmpty() ? EntityClasses.scan(packages, classLoader(),
                "MigrationGenerator.forPackages(...)") : entities;
        SchemaReport report = SchemaValidator.forEntities(classes.toArray(Class<?>[]::new))
                .withHibernateProperties(properties).against(dataSource).validate();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            EngineKind engine = EngineKind.fromProductName(meta.getDatabaseProductName()).orElseThrow();
            StandardServiceRegistry registry = ExpectedSchemaReader.registry(engine, meta.getDatabaseMajorVersion(),
                    meta.getDatabaseMinorVersion(), HibernateProperties.of(properties).values(),
                    classes.stream().map(Class::getClassLoader).filter(Objects::nonNull).distinct().toList());
            try {
                Metadata metadata = ExpectedSchemaReader.metadata(registry, classes);
                MappingDdl ddl = new MappingDdl(metadata);
                SchemaModel actual = ActualSchemaReader.of(engine).read(connection, schemas(report));
                List<Change> changes = new MigrationPlanner(ddl, actual).plan(report.differences());
                String chosen = version != null ? version : tool == MigrationTool.FLYWAY
                        ? FlywayHistory.nextVersion(connection).orElseGet(this::timestamp) : timestamp();
                return script(engine, tool, chosen, name, report, changes);
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's schema to generate a migration: "
                    + e.getMessage() + " — check the DataSource's URL and credentials.", e);
        } catch (HibernateException e) {
            throw new IllegalArgumentException("Hibernate could not map the entities "
                    + classes.stream().map(Class::getSimpleName).toList() + ": " + e.getMessage(), e);
        }
    }

    private static MigrationScript script(EngineKind engine, MigrationTool tool, String version, String name,
                                          SchemaReport report, List<Change> changes) {
        String fileName = tool == MigrationTool.FLYWAY ? "V" + version + "__" + name + ".sql"
                : version + "-" + name + ".sql";
        List<String> header = List.of(
                fileName + ": brings " + report.database() + " (" + engine.displayName() + ") to the entities.",
                "Generated by dbtestkit from a schema report with " + report.differences(Severity.ERROR).size()
                        + " errors, " + report.differences(Severity.WARNING).size() + " warnings, "
                        + report.differences(Severity.INFO).size() + " notices. Review it before applying it.",
                "Statements under a WARNING line are commented out on purpose: they would drop, narrow or convert",
                "data, or the engine cannot run them in place. Run them yourself once you have decided.");
        String text = ScriptRenderer.render(header, changes,
                tool == MigrationTool.LIQUIBASE ? "dbtestkit:" + version + "-" + name : null);
        List<String> statements = changes.stream().filter(c -> !c.commentedOut())
                .flatMap(c -> c.statements().stream()).toList();
        List<String> warnings = changes.stream().filter(Change::commentedOut).flatMap(c -> c.comments().stream())
                .filter(line -> line.startsWith("WARNING: ")).map(line -> line.substring("WARNING: ".length()))
                .toList();
        return new MigrationScript(engine, tool, version, name, fileName, text, statements, warnings);
    }

    private String timestamp() {
        return TIMESTAMP.format(clock.instant());
    }

    /** Schemas the report names ({@code @Table(schema = "sales")}): the default one is always read. */
    private static Set<String> schemas(SchemaReport report) {
        Set<String> schemas = new LinkedHashSet<>();
        report.differences().forEach(d -> {
            int dot = d.table().indexOf('.');
            if (dot > 0) {
                schemas.add(d.table().substring(0, dot));
            }
        });
        return schemas;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MigrationGenerator.class.getClassLoader();
    }
}
