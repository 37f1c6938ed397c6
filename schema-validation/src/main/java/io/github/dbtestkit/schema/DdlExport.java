package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.internal.ddl.DdlScript;
import io.github.dbtestkit.schema.internal.expected.EntityClasses;
import org.apiguardian.api.API;
import org.hibernate.HibernateException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entities' create_all DDL per engine, as files to review and diff: Hibernate's schema tools with each engine's
 * dialect, no database needed. Statements come in a stable order (sequences, tables, indexes, added constraints, each
 * sorted by name) and formatted, under a header naming the engine, dialect, Hibernate version and entities: the same
 * entities give byte-identical files.
 *
 * <pre>{@code
 * List<Path> files = DdlExport.forEntities(Post.class, Comment.class)
 *         .engines(EngineKind.H2, EngineKind.POSTGRESQL)
 *         .writeTo(Path.of("target/ddl")); // target/ddl/h2.sql, target/ddl/postgresql.sql
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DdlExport {

    private final List<Class<?>> entities;
    private final List<String> packages;
    private final HibernateProperties properties;
    private final List<EngineKind> engines;
    private final ClassLoader classLoader;

    private DdlExport(List<Class<?>> entities, List<String> packages, HibernateProperties properties,
                      List<EngineKind> engines, ClassLoader classLoader) {
        this.entities = entities;
        this.packages = packages;
        this.properties = properties;
        this.engines = engines;
        this.classLoader = classLoader;
    }

    /** Exports the DDL of these entity classes. */
    public static DdlExport forEntities(Class<?>... entities) {
        return new DdlExport(EntityClasses.requireEntities(Arrays.asList(entities), "DdlExport.forEntities(...)"),
                List.of(), HibernateProperties.NONE, List.of(EngineKind.values()), null);
    }

    /** Exports the DDL of every {@code @Entity} class in these packages and their sub-packages. */
    public static DdlExport forPackages(String... packages) {
        if (packages.length == 0) {
            throw new IllegalArgumentException("No entity packages in DdlExport.forPackages(...):"
                    + " name at least one package that holds @Entity classes.");
        }
        return new DdlExport(List.of(), List.of(packages), HibernateProperties.NONE, List.of(EngineKind.values()),
                null);
    }

    /** The Hibernate settings the application boots with (naming strategies...), as for {@link SchemaValidator}. */
    public DdlExport withHibernateProperties(Map<String, ?> settings) {
        return new DdlExport(entities, packages, HibernateProperties.of(Objects.requireNonNull(settings, "settings")),
                engines, classLoader);
    }

    /** The class loader the packages are scanned with (default: the thread's context class loader). */
    public DdlExport withClassLoader(ClassLoader loader) {
        return new DdlExport(entities, packages, properties, engines, Objects.requireNonNull(loader, "loader"));
    }

    /**
     * The engines to write DDL for, in order (default: all three).
     *
     * @throws IllegalArgumentException when none is named
     */
    public DdlExport engines(EngineKind... chosen) {
        if (chosen.length == 0) {
            throw new IllegalArgumentException("No engines in DdlExport.engines(...): name at least one, e.g. "
                    + "EngineKind.H2, EngineKind.SQLITE, EngineKind.POSTGRESQL.");
        }
        return new DdlExport(entities, packages, properties, List.copyOf(new LinkedHashSet<>(Arrays.asList(chosen))),
                classLoader);
    }

    /**
     * The script for one engine.
     *
     * @throws IllegalArgumentException when Hibernate cannot map the entities
     */
    public String ddl(EngineKind engine) {
        Objects.requireNonNull(engine, "engine");
        ClassLoader loader = loader();
        List<Class<?>> classes = entities.isEmpty()
                ? EntityClasses.scan(packages, loader, "DdlExport.forPackages(...)") : entities;
        List<ClassLoader> loaders = new ArrayList<>(new LinkedHashSet<>(classes.stream()
                .map(Class::getClassLoader).filter(Objects::nonNull).toList()));
        try {
            return DdlScript.generate(engine, classes, properties, loaders);
        } catch (HibernateException e) {
            throw new IllegalArgumentException("Hibernate could not map the entities "
                    + classes.stream().map(Class::getSimpleName).toList() + " for " + engine.displayName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code <engine>.sql} per engine into {@code folder} (created if needed), replacing files of those names.
     *
     * @return the files written, in the engines' order
     * @throws UncheckedIOException when the folder or a file cannot be written, naming it
     * @throws IllegalArgumentException when Hibernate cannot map the entities
     */
    public List<Path> writeTo(Path folder) {
        Objects.requireNonNull(folder, "folder");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the DDL folder " + folder + ": " + e.getMessage(), e);
        }
        List<Path> written = new ArrayList<>();
        for (EngineKind engine : engines) {
            Path file = folder.resolve(engine.id() + ".sql");
            String script = ddl(engine);
            try {
                Files.writeString(file, script, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the DDL file " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        return List.copyOf(written);
    }

    private ClassLoader loader() {
        if (classLoader != null) {
            return classLoader;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : DdlExport.class.getClassLoader();
    }
}
