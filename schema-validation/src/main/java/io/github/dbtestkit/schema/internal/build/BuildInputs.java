package io.github.dbtestkit.schema.internal.build;

import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

/**
 * What building a database may need besides its {@link SchemaSource}, and how messages name the caller's settings.
 *
 * <pre>{@code
 * BuildInputs inputs = new BuildInputs(loader, entities, properties, "--migrations", "the --classpath", "--schema-sql");
 * }</pre>
 *
 * @param classLoader     where {@code classpath:} locations and the entities' classes are looked up
 * @param entities        the entity classes (for create_all)
 * @param properties      the application's Hibernate settings (for create_all)
 * @param migrationsName  how the caller spells the migrations setting, e.g. {@code --migrations}
 * @param classpathName   how the caller names the class path, e.g. {@code the --classpath}
 * @param sqlFilesName    how the caller spells the SQL files setting, e.g. {@code --schema-sql}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record BuildInputs(ClassLoader classLoader, List<Class<?>> entities, HibernateProperties properties,
                          String migrationsName, String classpathName, String sqlFilesName) {

    /** Checks for nulls and copies the list. */
    public BuildInputs {
        Objects.requireNonNull(classLoader, "classLoader");
        entities = List.copyOf(entities);
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(migrationsName, "migrationsName");
        Objects.requireNonNull(classpathName, "classpathName");
        Objects.requireNonNull(sqlFilesName, "sqlFilesName");
    }
}
