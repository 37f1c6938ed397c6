package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.schema.internal.expected.EntityClasses;
import jakarta.persistence.Entity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the user's entity classes are and which they are: {@code --classpath} and exactly one way of naming them. A
 * picocli mixin, shared by the commands that read entities.
 */
final class EntityOptions {

    /** Exactly one way of naming the entities. */
    static final class Entities {
        @Option(names = "--entities-package", paramLabel = "P", required = true,
                description = "Validate every @Entity class in this package and its sub-packages (repeatable).")
        List<String> packages = new ArrayList<>();

        @Option(names = "--entity", paramLabel = "CLASS", required = true,
                description = "Validate this entity class, e.g. com.acme.Post (repeatable).")
        List<String> classes = new ArrayList<>();
    }

    @Mixin
    UserClassPath classpath = new UserClassPath();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Entities entities;

    /** The packages named with {@code --entities-package}. */
    List<String> packages() {
        return entities.packages;
    }

    /** The classes named with {@code --entity}, loaded; empty when packages were named instead. */
    List<Class<?>> named(ClassLoader loader) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : entities.classes) {
            Class<?> type;
            try {
                type = Class.forName(name.strip(), false, loader);
            } catch (ClassNotFoundException e) {
                throw new CliException("Entity class " + name + " (from --entity) was not found on the --classpath "
                        + classpath.describe() + ": check the class name, package included, and the paths.", e);
            } catch (LinkageError e) {
                throw new CliException("Entity class " + name + " (from --entity) cannot be loaded: " + e
                        + " — add the jars it depends on to --classpath.", e);
            }
            if (!type.isAnnotationPresent(Entity.class)) {
                throw new CliException("Class " + name + " (from --entity) is not annotated with @Entity: name an "
                        + "entity class, or use --entities-package.");
            }
            classes.add(type);
        }
        return classes;
    }

    /** Every entity class: those named, or those found in the packages. */
    List<Class<?>> all(ClassLoader loader) {
        List<Class<?>> named = named(loader);
        if (!named.isEmpty()) {
            return named;
        }
        try {
            return EntityClasses.scan(entities.packages, loader, "--entities-package");
        } catch (RuntimeException e) {
            throw new CliException(ErrorHandler.describe(e), e);
        }
    }
}
