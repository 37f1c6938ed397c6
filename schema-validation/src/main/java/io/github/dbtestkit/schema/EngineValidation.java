package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.PostgresSettings;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.schema.internal.build.BuildInputs;
import io.github.dbtestkit.schema.internal.build.BuiltReports;
import io.github.dbtestkit.schema.internal.build.EngineDatabases;
import io.github.dbtestkit.schema.internal.build.SchemaSource;
import org.apiguardian.api.API;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A schema check that needs no database server: for each engine it builds a throw-away embedded database (H2 and
 * SQLite in memory, PostgreSQL from zonky's binaries or as {@link PostgresSettings} say) from the project's migrations,
 * the entities' create_all or plain DDL files, validates the entities against it and drops it. Made by
 * {@link SchemaValidator#againstMigrations(String, EngineKind...)} and its siblings.
 *
 * <pre>{@code
 * EngineReports reports = SchemaValidator.forPackages("com.acme.model")
 *         .againstMigrations("classpath:db/migration/{engine}", EngineKind.H2, EngineKind.SQLITE, EngineKind.POSTGRESQL)
 *         .validate();
 * assertThat(reports.drifting(Severity.ERROR)).isEmpty();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EngineValidation {

    private final SchemaValidator validator;
    private final SchemaSource source;
    private final List<EngineKind> engines;
    private final ClassLoader classLoader;
    private final PostgresSettings postgres;

    private EngineValidation(SchemaValidator validator, SchemaSource source, List<EngineKind> engines,
                             ClassLoader classLoader, PostgresSettings postgres) {
        this.validator = validator;
        this.source = source;
        this.engines = engines;
        this.classLoader = classLoader;
        this.postgres = postgres;
    }

    static EngineValidation of(SchemaValidator validator, SchemaSource source, EngineKind... engines) {
        Objects.requireNonNull(engines, "engines");
        if (engines.length == 0) {
            throw new IllegalArgumentException("No engines to build the schema on: name at least one, e.g. "
                    + "EngineKind.H2, EngineKind.SQLITE, EngineKind.POSTGRESQL.");
        }
        Arrays.stream(engines).forEach(engine -> Objects.requireNonNull(engine, "engine"));
        return new EngineValidation(validator, source, List.copyOf(new LinkedHashSet<>(Arrays.asList(engines))), null,
                PostgresSettings.defaults());
    }

    /**
     * The class loader that holds {@code classpath:} migration locations and the entities (default: the thread's
     * context class loader); it is also the thread's context class loader while {@link #validate()} runs.
     */
    public EngineValidation withClassLoader(ClassLoader loader) {
        return new EngineValidation(validator, source, engines, Objects.requireNonNull(loader, "loader"), postgres);
    }

    /** How PostgreSQL is provided (default: {@link PostgresSettings#defaults()}, zonky's embedded binaries first). */
    public EngineValidation withPostgresSettings(PostgresSettings settings) {
        return new EngineValidation(validator, source, engines, classLoader,
                Objects.requireNonNull(settings, "settings"));
    }

    /**
     * Builds each engine's database, validates the entities against it, and drops it; every server started for the
     * purpose is stopped before this returns or throws.
     *
     * @throws ProvisioningException when an engine cannot start (naming the dependency to add), the location or a
     *                               file does not exist, or a migration or statement fails (naming file and line)
     * @throws IllegalArgumentException when the entities cannot be mapped
     */
    public EngineReports validate() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = classLoader != null ? classLoader
                : context != null ? context : EngineValidation.class.getClassLoader();
        BuildInputs inputs = new BuildInputs(loader, validator.entityClasses(loader), validator.properties(),
                "againstMigrations(...)", "the class path", "againstSchemaSql(...)");
        return new EngineReports(EngineDatabases.onEach(postgres, engines, source, inputs,
                dataSource -> BuiltReports.relabel(validator.against(dataSource).validate(), source)));
    }
}
