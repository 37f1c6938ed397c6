package io.github.dbtestkit.schema.internal.expected;

import io.github.dbtestkit.core.internal.classpath.ClasspathFolder;
import org.apiguardian.api.API;
import jakarta.persistence.Entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds and checks {@code @Entity} classes: Hibernate scans packages only inside persistence units, so the
 * validator, the extension and the CLI share this scan of class-path folders and jars.
 *
 * <pre>{@code
 * List<Class<?>> entities = EntityClasses.scan(List.of("com.acme.model"), classLoader, "@DatabaseTest(entityPackages)");
 * EntityClasses.requireEntities(List.of(Post.class), "@DatabaseTest(entities)");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EntityClasses {

    private EntityClasses() {
    }

    /**
     * Whether the class carries {@code @jakarta.persistence.Entity}. Compared by name, so classes loaded by another
     * class loader (the CLI's, a test's) are recognised too.
     */
    public static boolean isEntity(Class<?> type) {
        for (java.lang.annotation.Annotation annotation : type.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(Entity.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks every class is an entity and the set is not empty.
     *
     * @param where what the user wrote the classes in, for messages: {@code @DatabaseTest(entities)}
     * @throws IllegalArgumentException naming the first class that is not an entity, or saying the set is empty
     */
    public static List<Class<?>> requireEntities(Collection<Class<?>> classes, String where) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("No entity classes in " + where
                    + ": name at least one @Entity class, or a package that holds some.");
        }
        for (Class<?> type : classes) {
            if (!isEntity(type)) {
                throw new IllegalArgumentException("Entity class " + type.getName() + " in " + where
                        + " is not annotated with @Entity.");
            }
        }
        return List.copyOf(new LinkedHashSet<>(classes));
    }

    /**
     * Every {@code @Entity} class in these packages and their sub-packages, sorted by name.
     *
     * @param where what the user wrote the packages in, for messages: {@code @DatabaseTest(entityPackages)}
     * @throws IllegalArgumentException when a package holds no entity class
     */
    public static List<Class<?>> scan(Collection<String> packages, ClassLoader loader, String where) {
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("No entity packages in " + where
                    + ": name at least one package that holds @Entity classes.");
        }
        List<Class<?>> found = new ArrayList<>();
        for (String pkg : packages) {
            List<Class<?>> inPackage = new ArrayList<>();
            for (String className : classNames(pkg, loader)) {
                Class<?> type = load(className, loader);
                if (type != null && isEntity(type)) {
                    inPackage.add(type);
                }
            }
            if (inPackage.isEmpty()) {
                throw new IllegalArgumentException("Package " + pkg + " in " + where
                        + " holds no @Entity class on the class path: check the package name.");
            }
            found.addAll(inPackage);
        }
        return List.copyOf(new LinkedHashSet<>(found));
    }

    private static Set<String> classNames(String pkg, ClassLoader loader) {
        Set<String> names = new TreeSet<>();
        try {
            ClasspathFolder.visit(loader, pkg.replace('.', '/'), (relativePath, content) -> {
                if (relativePath.endsWith(".class") && !relativePath.endsWith("module-info.class")
                        && !relativePath.endsWith("package-info.class")) {
                    names.add(pkg + "." + relativePath.substring(0, relativePath.length() - ".class".length())
                            .replace('/', '.'));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not scan package " + pkg + " for entities: " + e.getMessage(), e);
        }
        return names;
    }

    private static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // A class whose dependencies are absent cannot be an entity we could map; skip it.
            return null;
        }
    }
}
