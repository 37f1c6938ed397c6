package io.github.dbtestkit.internal.setup;

import org.apiguardian.api.API;
import io.github.dbtestkit.core.internal.hibernate.EntitySet;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.internal.config.ClassConfiguration;
import io.github.dbtestkit.schema.internal.expected.EntityClasses;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a class's {@code entities} and {@code entityPackages} into an {@link EntitySet}, checking each class.
 *
 * <pre>{@code
 * EntitySet entities = EntityResolution.resolve(config);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EntityResolution {

    private EntityResolution() {
    }

    /**
     * The class's entities.
     *
     * @throws DatabaseTestException naming a listed class that is not an entity, or a package with none
     */
    public static EntitySet resolve(ClassConfiguration config) {
        String on = " on " + config.testClass().getName();
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type : config.entities()) {
            if (!EntityClasses.isEntity(type)) {
                throw new DatabaseTestException("Entity class " + type.getName() + " in @DatabaseTest(entities)" + on
                        + " is not annotated with @Entity.");
            }
            classes.add(type);
        }
        if (!config.entityPackages().isEmpty()) {
            try {
                classes.addAll(EntityClasses.scan(config.entityPackages(), config.testClass().getClassLoader(),
                        "@DatabaseTest(entityPackages)" + on));
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new DatabaseTestException(e.getMessage(), e);
            }
        }
        return EntitySet.of(classes);
    }
}
