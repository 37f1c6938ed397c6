package io.github.dbtestkit.setup;

import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.config.ClassConfiguration;
import jakarta.persistence.Entity;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a class's {@code entities} and {@code entityPackages} into an {@link EntitySet}, checking each class.
 *
 * <pre>{@code
 * EntitySet entities = EntityResolution.resolve(config);
 * }</pre>
 */
public final class EntityResolution {

    private EntityResolution() {
    }

    /**
     * The class's entities.
     *
     * @throws DatabaseTestException naming a listed class that is not an entity, or a package with none
     */
    public static EntitySet resolve(ClassConfiguration config) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type : config.entities()) {
            if (!type.isAnnotationPresent(Entity.class)) {
                throw new DatabaseTestException("Entity class " + type.getName() + " in @DatabaseTest(entities) on "
                        + config.testClass().getName() + " is not annotated with @Entity.");
            }
            classes.add(type);
        }
        if (!config.entityPackages().isEmpty()) {
            throw new DatabaseTestException("@DatabaseTest(entityPackages) is not available in this build.");
        }
        return EntitySet.of(classes);
    }
}
