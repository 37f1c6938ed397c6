package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.ProvisioningException;
import org.apiguardian.api.API;

import java.util.function.Predicate;

/**
 * The one check for optional classes (drivers, dialects, zonky, Testcontainers, Flyway, Liquibase), without
 * initialising them: dbtestkit's own class loader first, then the thread's.
 *
 * <pre>{@code
 * boolean flyway = ClassPresence.isPresent("org.flywaydb.core.Flyway");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ClassPresence {

    private ClassPresence() {
    }

    /** Tells whether a class can be loaded by dbtestkit's or the thread's class loader. */
    public static Predicate<String> onClasspath() {
        return ClassPresence::isPresent;
    }

    /** Tells whether a class can be loaded by {@code loader} alone, e.g. the loader that will run a tool. */
    public static Predicate<String> visibleTo(ClassLoader loader) {
        return className -> {
            try {
                Class.forName(className, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        };
    }

    /** Tells whether {@code className} can be loaded by dbtestkit's class loader or the thread's. */
    public static boolean isPresent(String className) {
        try {
            load(className);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static Class<?> load(String className) throws ClassNotFoundException {
        try {
            return Class.forName(className, false, ClassPresence.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context == null) {
                throw e;
            }
            return Class.forName(className, false, context);
        }
    }
}
